using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Adapters.Sdk.Service;

/// <summary>
/// An adapter service started inside another process on a loopback port — its own Kestrel, its own
/// container, reached only over HTTP like a deployed one. For the demo city and for tests; a real
/// adapter runs its own <c>Program.cs</c> (see the <c>satupintu-adapter</c> template).
/// </summary>
public sealed class AdapterServiceApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdapterServiceApp(WebApplication app, Uri address)
    {
        _app = app;
        BaseAddress = address;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="add">The adapter's registration, e.g. <c>b =&gt; b.AddDpmptspService()</c>.</param>
    /// <param name="map">Its endpoints, e.g. <c>a =&gt; a.MapDpmptspService()</c>.</param>
    /// <param name="settings">Configuration (<c>AdapterService:*</c>, <c>Adapters:{Name}:*</c>).</param>
    /// <param name="port">0: any free port.</param>
    public static async Task<AdapterServiceApp> StartAsync(Action<WebApplicationBuilder> add, Action<WebApplication> map,
        IReadOnlyDictionary<string, string?> settings, int port = 0, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        add(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AdapterServiceApp(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

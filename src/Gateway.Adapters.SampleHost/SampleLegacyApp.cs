using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Adapters.SampleHost;

/// <summary>
/// A running stand-in for a department's system, on a loopback port it keeps across <see cref="StopAsync"/>
/// and <see cref="StartAsync"/>, so an adapter pointed at it sees the app go down and come back.
/// </summary>
public sealed class SampleLegacyApp : IAsyncDisposable
{
    private readonly Action<WebApplicationBuilder, SampleLegacyApp> _configureServices;
    private readonly Action<WebApplication, SampleLegacyApp> _map;
    private WebApplication? _app;
    private int _port;

    private SampleLegacyApp(string name, Action<WebApplicationBuilder, SampleLegacyApp> configureServices, Action<WebApplication, SampleLegacyApp> map)
    {
        Name = name;
        _configureServices = configureServices;
        _map = map;
    }

    public string Name { get; }

    public CaseBook Cases { get; } = new();

    public FaultSwitch Faults { get; } = new();

    /// <summary>The app's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    /// <summary>Starts an app: <paramref name="map"/> adds its endpoints (the fault switch and control surface come first).</summary>
    /// <param name="port">A fixed loopback port, or 0 for any free one.</param>
    public static async Task<SampleLegacyApp> StartAsync(
        string name, Action<WebApplication, SampleLegacyApp> map, Action<WebApplicationBuilder, SampleLegacyApp>? configureServices = null, int port = 0, CancellationToken cancellationToken = default)
    {
        var app = new SampleLegacyApp(name, configureServices ?? ((_, _) => { }), map) { _port = port };
        await app.StartAsync(cancellationToken);
        return app;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            return;
        }

        // An empty builder: the gateway's own configuration (URLs, Kestrel endpoints) must not leak in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, _port));
        builder.Services.AddRoutingCore();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _configureServices(builder, this);
        var app = builder.Build();
        app.Use(Faults.Middleware);
        app.MapSampleControl(this);
        _map(app, this);
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _port = address.Port;
        _app = app;
    }

    /// <summary>Stops answering (connections are refused) until <see cref="StartAsync"/>; cases are kept.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

using Gateway.Adapters.SampleHost;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Adapters.Sdk.Protocol;
using Gateway.Adapters.Sdk.Registration;
using Gateway.Adapters.Sdk.Service;
using Gateway.Adapters.TestKit.OutOfProcess;
using Gateway.Contracts.Adapters.V1;
using Gateway.Contracts.Events.V1;
using Gateway.Contracts.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Gateway.Adapters.TestKit;

/// <summary>
/// What an adapter's test project tells the kit: how to start its legacy app, how to register the
/// adapter, which statuses the legacy app has and what each must mean, and a valid submission. The kit
/// then builds the adapter the way the gateway does (SDK defaults, settings from configuration).
/// </summary>
public abstract class AdapterFixture : IAsyncLifetime
{
    private IHost? _host;
    private KitGateway? _gateway;
    private AdapterServiceApp? _service;
    private HttpClient? _http;
    private IServiceAdapter? _remote;

    /// <summary>
    /// Run the adapter as a service of its own (the SDK's <c>AddAdapterService</c>, its own Kestrel) and
    /// judge it over HTTP through the gateway's client, with signed calls and proven answers.
    /// </summary>
    protected virtual bool OutOfProcess => false;

    /// <summary>The adapter service's address when <see cref="OutOfProcess"/>.</summary>
    public Uri? ServiceAddress => _service?.BaseAddress;

    /// <summary>The name the adapter registers under (its <c>Adapters:{Name}</c> section).</summary>
    public abstract string AdapterName { get; }

    /// <summary>Every status the legacy app can report, and the status it must map to.</summary>
    public abstract IReadOnlyDictionary<string, ServiceRequestStatus> ExpectedStatuses { get; }

    /// <summary>The catalogue service the test submissions are for.</summary>
    public abstract string ServiceSlug { get; }

    /// <summary>The form answers of a valid submission.</summary>
    public abstract IReadOnlyDictionary<string, string> SampleFields { get; }

    public SampleLegacyApp LegacyApp { get; private set; } = null!;

    public IServiceAdapter Adapter => _remote ?? _host!.Services.GetRequiredKeyedService<IServiceAdapter>(AdapterName);

    /// <summary>Starts the legacy app (on loopback).</summary>
    protected abstract Task<SampleLegacyApp> StartLegacyAppAsync();

    /// <summary>One line, as in the gateway's host: e.g. <c>adapters.AddDisdukcapil()</c>.</summary>
    protected abstract void Register(AdapterBuilder adapters);

    /// <summary>The adapter service's composition when <see cref="OutOfProcess"/>: its own <c>Add{Agency}Service</c> when it has one.</summary>
    protected virtual void AddService(WebApplicationBuilder builder) => builder.AddAdapterService(Register);

    /// <summary>Its endpoints: the adapter contract, and the agency's read endpoints when it has any (<c>Map{Agency}Service</c>).</summary>
    protected virtual void MapService(WebApplication app) => app.MapAdapterService();

    /// <summary>
    /// GET on the adapter service as a person signed in at the gateway reaches it through the proxy (the
    /// gateway's forwarded identity, signed by the kit gateway); without <paramref name="signedIn"/>, as anyone
    /// reaching the adapter directly.
    /// </summary>
    public async Task<HttpResponseMessage> ReadAsync(string path, bool signedIn = true)
    {
        Assert.True(_service is not null && _gateway is not null, "reads are served by the adapter as a service: set OutOfProcess");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_service.BaseAddress, path));
        if (signedIn)
        {
            request.Headers.Add(GatewayTokens.IdentityHeader, _gateway.SignIdentity(AdapterName.ToLowerInvariant(), "kit-citizen"));
        }

        return await _http!.SendAsync(request);
    }

    /// <summary>Settings beyond the base address the legacy app needs (credentials), as configuration keys under <c>Adapters:{Name}</c>.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>A submission as the gateway would send it; each call is a new request unless a tracking number is given.</summary>
    public AdapterSubmission NewSubmission(string? trackingNumber = null) => new()
    {
        RequestId = Guid.NewGuid(),
        TrackingNumber = trackingNumber ?? $"TST-{AdapterName.ToUpperInvariant()}-2026-{Random.Shared.Next(1, 999_999):D6}",
        ServiceSlug = ServiceSlug,
        AgencyCode = AdapterName.ToLowerInvariant(),
        Applicant = new Applicant { CitizenId = Guid.NewGuid(), Nik = "3273015708900001", Name = "Siti Rahmawati", Email = "siti@example.id", Phone = "+6281234567890" },
        Fields = SampleFields,
        SubmittedAt = DateTimeOffset.UtcNow,
        DueAt = DateTimeOffset.UtcNow.AddDays(14),
    };

    public async ValueTask InitializeAsync()
    {
        LegacyApp = await StartLegacyAppAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var section = $"{AdapterOptions.Section}:{AdapterName}";
        var settings = new Dictionary<string, string?>(Settings.ToDictionary(s => $"{section}:{s.Key}", s => s.Value))
        {
            [$"{section}:BaseAddress"] = LegacyApp.BaseAddress.ToString(),
            [$"{section}:TimeoutSeconds"] = "2",
            // The suite injects faults on purpose, one after another; the breaker would then (rightly)
            // refuse the next tests' calls. Judging the adapter needs every call to reach the app.
            [$"{section}:CircuitBreakerMinimumCalls"] = "100000",
        };
        if (OutOfProcess)
        {
            await StartServiceAsync(settings);
            return;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAdapters(Register);
        _host = builder.Build();
        await _host.StartAsync();
    }

    private async Task StartServiceAsync(Dictionary<string, string?> settings)
    {
        var agency = AdapterName.ToLowerInvariant();
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        _gateway = await KitGateway.StartAsync();
        settings["AdapterService:Adapter"] = AdapterName;
        settings["AdapterService:AgencyCode"] = agency;
        settings["AdapterService:Key"] = key;
        settings["AdapterService:Gateway"] = _gateway.Address.ToString();
        settings["AdapterService:GatewayIssuer"] = KitGateway.Issuer;
        settings["AdapterService:AllowHttp"] = "true";
        _service = await AdapterServiceApp.StartAsync(AddService, MapService, settings);
        _http = new HttpClient();
        var client = new AdapterServiceClient(_http, _service.BaseAddress, key, agency,
            a => _gateway.SignCall(a) is var (token, nonce) ? new SignedCall(token, nonce) : default, TimeSpan.FromSeconds(30));
        var (manifest, failure) = await client.ManifestAsync(CancellationToken.None);
        Assert.True(manifest is not null, $"the adapter service's manifest could not be read: {failure?.Problem}");
        _remote = manifest.AcceptedContentTypes.Count > 0 ? new RemoteDocumentAdapter(client, manifest) : new RemoteServiceAdapter(client, manifest);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        await LegacyApp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

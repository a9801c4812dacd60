using Adapters.Disdukcapil;
using Adapters.Disdukcapil.LegacyApp;
using Adapters.Dpmptsp;
using Adapters.Dpmptsp.LegacyApp;
using Adapters.Lapor;
using Adapters.Lapor.LegacyApp;
using Adapters.Rsud;
using Adapters.Rsud.LegacyApp;
using Gateway.Adapters.SampleHost;
using Gateway.Adapters.Sdk.Service;
using Gateway.Platform.Edge;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Demo.LegacyApps;

/// <summary>One legacy department system of the demo, the adapter service in front of it and the clerk's routine.</summary>
/// <param name="AgencyCode">The agency the adapter files for (the audience of the gateway's tokens).</param>
/// <param name="Settings">The adapter's settings for this app (credentials), given the generated secret.</param>
/// <param name="AddService">The adapter service's composition, as its own <c>Program.cs</c> has it.</param>
/// <param name="MapService">Its endpoints: the adapter contract and the agency's reads.</param>
/// <param name="ClerkSteps">Status to next status, as the agency's clerk moves a case on.</param>
internal sealed record DemoLegacySystem(
    string Adapter,
    string AgencyCode,
    Func<string, int, CancellationToken, Task<SampleLegacyApp>> Start,
    Func<string, IReadOnlyDictionary<string, string>> Settings,
    Action<WebApplicationBuilder> AddService,
    Action<WebApplication> MapService,
    IReadOnlyList<string> Services,
    IReadOnlyDictionary<string, string> ClerkSteps);

/// <summary>
/// The demo's legacy department systems (SIAK, SIMPERIZINAN, SIMRS, LAPOR!) and, in front of each, its
/// adapter as a service of its own — its own Kestrel on a loopback port, reached by the gateway only over
/// HTTP, registered in the catalogue as the services' app (upstream authentication <c>adapter</c>), as a
/// department would deploy it. Ports and keys are chosen while the host is built so the seed can point
/// at them; the adapters start once the gateway listens (they read its signing keys from it). A city's
/// real deployment runs none of this: each adapter is its own deployment (see docs/adapters.md).
/// </summary>
public sealed partial class DemoLegacyApps(
    DemoEndpoints endpoints, IHostApplicationLifetime lifetime, IServer server, IOptions<EdgeOptions> edge, ILogger<DemoLegacyApps> logger)
    : IHostedService
{
    internal static readonly IReadOnlyList<DemoLegacySystem> Systems =
    [
        new(DisdukcapilRegistration.Name, "disdukcapil", (secret, port, ct) => SiakApp.StartAsync(secret, port, ct),
            secret => new Dictionary<string, string> { ["ApiKeyHeader"] = SiakApp.KeyHeader, ["ApiKey"] = secret },
            b => b.AddDisdukcapilService(), a => a.MapDisdukcapilService(),
            ["akta-kelahiran", "kartu-keluarga", "surat-pindah", "akta-kematian"],
            Steps("BARU", "VERIFIKASI", "PROSES", "SELESAI")),
        new(DpmptspRegistration.Name, "dpmptsp", (secret, port, ct) => SimperizinanApp.StartAsync(secret, port, ct),
            secret => new Dictionary<string, string> { ["ApiKeyHeader"] = SimperizinanApp.KeyHeader, ["ApiKey"] = secret },
            b => b.AddDpmptspService(), a => a.MapDpmptspService(),
            ["nib-usaha-mikro", "persetujuan-bangunan-gedung", "izin-reklame"],
            Steps("DITERIMA", "VERIFIKASI_BERKAS", "SURVEI_LAPANGAN", "PROSES_TEKNIS", "TERBIT")),
        new(RsudRegistration.Name, "rsud", (secret, port, ct) => SimrsApp.StartAsync(secret, port, ct),
            secret => new Dictionary<string, string> { ["Username"] = SimrsApp.Username, ["Password"] = secret },
            b => b.AddRsudService(), a => a.MapRsudService(),
            ["antrian-poli"],
            Steps("TERDAFTAR", "DIPANGGIL", "DILAYANI", "SELESAI")),
        new(LaporRegistration.Name, "diskominfo", (secret, port, ct) => LaporApp.StartAsync(secret, port, ct),
            secret => new Dictionary<string, string> { ["ApiKeyHeader"] = LaporApp.TokenHeader, ["ApiKey"] = secret },
            b => b.AddLaporService(), a => a.MapLaporService(),
            ["pengaduan-lapor"],
            Steps("Menunggu Verifikasi", "Terverifikasi", "Diteruskan ke Instansi", "Ditindaklanjuti", "Selesai")),
    ];

    private List<(DemoLegacySystem System, SampleLegacyApp App)> _running = [];
    private List<AdapterServiceApp> _adapters = [];

    internal IReadOnlyList<(DemoLegacySystem System, SampleLegacyApp App)> Running => _running;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var running = new List<(DemoLegacySystem, SampleLegacyApp)>();
        foreach (var system in Systems)
        {
            var (port, secret, _, _) = endpoints.Of(system.Adapter);
            running.Add((system, await system.Start(secret, port, cancellationToken)));
        }

        _running = running;
        lifetime.ApplicationStarted.Register(() => _ = StartAdapterServicesAsync());
    }

    /// <summary>Once the gateway listens: each adapter service learns where to read the gateway's signing keys.</summary>
    private async Task StartAdapterServicesAsync()
    {
        try
        {
            var listening = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("://+", "://localhost").Replace("://*", "://localhost"));
            var gateway = new Uri($"{listening.Scheme}://{edge.Value.Hosts.Portal}:{listening.Port}/"); // the keys are published on the portal origin
            var started = new List<AdapterServiceApp>();
            foreach (var system in Systems)
            {
                var (port, secret, adapterPort, adapterKey) = endpoints.Of(system.Adapter);
                var settings = new Dictionary<string, string?>
                {
                    ["AdapterService:Adapter"] = system.Adapter,
                    ["AdapterService:AgencyCode"] = system.AgencyCode,
                    ["AdapterService:Key"] = adapterKey,
                    ["AdapterService:Gateway"] = gateway.ToString(),
                    ["AdapterService:AllowHttp"] = "true",
                    [$"Adapters:{system.Adapter}:BaseAddress"] = $"http://127.0.0.1:{port}/",
                };
                foreach (var (key, value) in system.Settings(secret))
                {
                    settings[$"Adapters:{system.Adapter}:{key}"] = value;
                }

                started.Add(await AdapterServiceApp.StartAsync(system.AddService, system.MapService, settings, adapterPort, lifetime.ApplicationStopping));
            }

            _adapters = started;
            LogAdaptersStarted(logger, started.Count, gateway);
        }
        catch (Exception ex) when (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            LogAdaptersFailed(logger, ex);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var adapter in Interlocked.Exchange(ref _adapters, []))
        {
            await adapter.DisposeAsync();
        }

        foreach (var (_, app) in Interlocked.Exchange(ref _running, []))
        {
            await app.StopAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: {Count} adapter services started, each on its own port, reading the gateway's keys from {Gateway}")]
    private static partial void LogAdaptersStarted(ILogger logger, int count, Uri gateway);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo: the adapter services did not start; requests to the demo agencies stay pending")]
    private static partial void LogAdaptersFailed(ILogger logger, Exception exception);

    private static Dictionary<string, string> Steps(params string[] sequence) =>
        sequence.Zip(sequence.Skip(1)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
}

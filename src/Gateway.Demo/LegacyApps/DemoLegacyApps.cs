using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Adapters.Disdukcapil;
using Adapters.Disdukcapil.LegacyApp;
using Adapters.Dpmptsp;
using Adapters.Dpmptsp.LegacyApp;
using Adapters.Lapor;
using Adapters.Lapor.LegacyApp;
using Adapters.Rsud;
using Adapters.Rsud.LegacyApp;
using Gateway.Adapters.SampleHost;
using Gateway.Adapters.Sdk.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Gateway.Demo.LegacyApps;

/// <summary>One legacy department system of the demo, the adapter in front of it and the clerk's routine.</summary>
/// <param name="Settings">The adapter's settings for this app (credentials), given the generated secret.</param>
/// <param name="ClerkSteps">Status to next status, as the agency's clerk moves a case on.</param>
internal sealed record DemoLegacySystem(
    string Adapter,
    Func<string, int, CancellationToken, Task<SampleLegacyApp>> Start,
    Func<string, IReadOnlyDictionary<string, string>> Settings,
    IReadOnlyList<string> Services,
    IReadOnlyDictionary<string, string> ClerkSteps);

/// <summary>
/// The demo's legacy department systems behind adapters (SIAK, SIMPERIZINAN, SIMRS, LAPOR!), on loopback
/// ports chosen while the host is built so the adapters' settings can point at them; started with the
/// gateway, stopped with it. A city's real deployment sets <c>Adapters:{Name}:*</c> instead and runs none of this.
/// </summary>
public sealed class DemoLegacyApps : IHostedService
{
    internal static readonly IReadOnlyList<DemoLegacySystem> Systems =
    [
        new(DisdukcapilRegistration.Name, (secret, port, ct) => SiakApp.StartAsync(secret, port, ct),
            secret => new Dictionary<string, string> { ["ApiKeyHeader"] = SiakApp.KeyHeader, ["ApiKey"] = secret },
            ["akta-kelahiran", "kartu-keluarga", "surat-pindah", "akta-kematian"],
            Steps("BARU", "VERIFIKASI", "PROSES", "SELESAI")),
        new(DpmptspRegistration.Name, (secret, port, ct) => SimperizinanApp.StartAsync(secret, port, ct),
            secret => new Dictionary<string, string> { ["ApiKeyHeader"] = SimperizinanApp.KeyHeader, ["ApiKey"] = secret },
            ["nib-usaha-mikro", "persetujuan-bangunan-gedung", "izin-reklame"],
            Steps("DITERIMA", "VERIFIKASI_BERKAS", "SURVEI_LAPANGAN", "PROSES_TEKNIS", "TERBIT")),
        new(RsudRegistration.Name, (secret, port, ct) => SimrsApp.StartAsync(secret, port, ct),
            secret => new Dictionary<string, string> { ["Username"] = SimrsApp.Username, ["Password"] = secret },
            ["antrian-poli"],
            Steps("TERDAFTAR", "DIPANGGIL", "DILAYANI", "SELESAI")),
        new(LaporRegistration.Name, (secret, port, ct) => LaporApp.StartAsync(secret, port, ct),
            secret => new Dictionary<string, string> { ["ApiKeyHeader"] = LaporApp.TokenHeader, ["ApiKey"] = secret },
            ["pengaduan-lapor"],
            Steps("Menunggu Verifikasi", "Terverifikasi", "Diteruskan ke Instansi", "Ditindaklanjuti", "Selesai")),
    ];

    private readonly Dictionary<string, (int Port, string Secret)> _endpoints = Systems.ToDictionary(
        s => s.Adapter, _ => (FreePort(), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))));

    private List<(DemoLegacySystem System, SampleLegacyApp App)> _running = [];

    internal IReadOnlyList<(DemoLegacySystem System, SampleLegacyApp App)> Running => _running;

    /// <summary>Binds the adapters to the demo services and the sample apps, unless configuration already says otherwise.</summary>
    public void Configure(IConfigurationBuilder configuration, IConfiguration current)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var system in Systems)
        {
            var section = $"{AdapterOptions.Section}:{system.Adapter}";
            if (current[$"{section}:BaseAddress"] is not null)
            {
                continue; // pointed at a real system: leave it alone
            }

            var (port, secret) = _endpoints[system.Adapter];
            settings[$"{section}:BaseAddress"] = $"http://127.0.0.1:{port}/";
            settings[$"{section}:PollSeconds"] = current[$"{section}:PollSeconds"] ?? "5";
            foreach (var (key, value) in system.Settings(secret))
            {
                settings[$"{section}:{key}"] = value;
            }

            for (var i = 0; i < system.Services.Count; i++)
            {
                settings[$"{section}:Services:{i}"] = system.Services[i];
            }
        }

        configuration.AddInMemoryCollection(settings);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var running = new List<(DemoLegacySystem, SampleLegacyApp)>();
        foreach (var system in Systems)
        {
            var (port, secret) = _endpoints[system.Adapter];
            running.Add((system, await system.Start(secret, port, cancellationToken)));
        }

        _running = running;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var (_, app) in Interlocked.Exchange(ref _running, []))
        {
            await app.StopAsync(cancellationToken);
        }
    }

    private static Dictionary<string, string> Steps(params string[] sequence) =>
        sequence.Zip(sequence.Skip(1)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

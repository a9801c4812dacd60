using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Gateway.Demo.SampleApps;

/// <summary>Starts the demo's sample department apps before the seeder needs their addresses; stops them with the gateway.</summary>
public sealed class SampleAgencyApps : IHostedService
{
    public static readonly IReadOnlyList<SampleAppSpec> Specs =
    [
        new("disdukcapil", "SIAK Layanan", Quirks.None),
        new("dpmptsp", "SIMPERIZINAN", Quirks.Xml | Quirks.ApiKey),
        new("dishub", "ATCS", Quirks.Slow),
        new("rsud", "SIMRS Antrian", Quirks.Flaky),
        new("bapenda", "e-PBB", Quirks.BasicAuth),
        new("bpbd", "InaRISK Kota", Quirks.None),
    ];

    private List<WebApplication> _apps = [];
    private readonly Dictionary<string, RunningSampleApp> _running = new(StringComparer.Ordinal);

    /// <summary>The running apps by agency code; filled once <see cref="StartAsync"/> returns.</summary>
    public IReadOnlyDictionary<string, RunningSampleApp> Running => _running;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var spec in Specs)
        {
            var (app, running) = await SampleAgencyApp.StartAsync(spec, cancellationToken);
            _apps.Add(app);
            _running[spec.Agency] = running;
        }
    }

    /// <summary>Idempotent: the host may ask twice (seen when a test host is disposed); the second call finds nothing to stop.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var app in Interlocked.Exchange(ref _apps, []))
        {
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }
}

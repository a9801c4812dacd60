using Gateway.Platform.Hosting;
using Microsoft.Extensions.Hosting;

namespace Gateway.Demo.LegacyApps;

/// <summary>
/// Plays the agency clerks of the demo's legacy systems: every <c>Demo:ClerkSeconds</c> each open case
/// moves one step along its system's usual path (e.g. BARU, VERIFIKASI, PROSES, SELESAI), so a citizen
/// trying the demo sees status changes come back through the adapters.
/// </summary>
internal sealed class DemoClerk(DemoLegacyApps apps, DemoOptions options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.ClerkSeconds), time);
        while (await timer.NextTickOrStopAsync(stoppingToken))
        {
            foreach (var (system, app) in apps.Running)
            {
                foreach (var legacyCase in app.Cases.All)
                {
                    if (system.ClerkSteps.TryGetValue(legacyCase.Status, out var next))
                    {
                        legacyCase.Status = next;
                        legacyCase.Note = system.ClerkSteps.ContainsKey(next) ? null : "Selesai — hasil dapat diambil atau diunduh";
                    }
                }
            }
        }
    }
}

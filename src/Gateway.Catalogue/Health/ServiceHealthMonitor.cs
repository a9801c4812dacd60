using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy;

namespace Gateway.Catalogue.Health;

/// <summary>
/// Re-evaluates every service's status on a timer. Active probes report as they complete; this catches
/// what they cannot: passive-only services and destinations YARP reactivated after a passive failure.
/// </summary>
internal sealed class ServiceHealthMonitor(
    IProxyStateLookup proxy,
    ProbeHistory history,
    ServiceHealthBoard board,
    IOptions<CatalogueOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.Health.EvaluationSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var cluster in proxy.GetClusters())
            {
                board.Report(cluster.ClusterId, ServiceHealthEvaluator.Evaluate(cluster, history));
            }
        }
    }
}

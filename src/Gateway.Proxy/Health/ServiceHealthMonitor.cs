using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy;

namespace Gateway.Proxy.Health;

/// <summary>
/// Re-evaluates, on a timer, the status of services without active health checks (passive failures and
/// their reactivation). Actively checked services are evaluated as each probe completes, which also picks
/// up passive changes within one probe interval; sweeping them too would cost CPU on every instance for
/// nothing (with thousands of services it was most of the gateway's idle work).
/// </summary>
internal sealed class ServiceHealthMonitor(
    IProxyStateLookup proxy,
    ProbeHistory history,
    ServiceHealthBoard board,
    IOptions<HealthCheckOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.EvaluationSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var cluster in proxy.GetClusters())
            {
                if (cluster.Model.Config.HealthCheck?.Active?.Enabled != true)
                {
                    board.Report(cluster.ClusterId, ServiceHealthEvaluator.Evaluate(cluster, history));
                }
            }
        }
    }
}

using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy.Health;

/// <summary>
/// Turns probe results into destination health: a destination leaves rotation after
/// <see cref="HealthCheckOptions.FailuresBeforeUnhealthy"/> failed probes in a row and returns after one
/// success. Unlike YARP's built-in policy it remembers recent probes, so a flaky app shows as degraded.
/// Results come from <see cref="SharedProber"/> (and from YARP's own hourly backstop probe).
/// </summary>
internal sealed class ServiceHealthPolicy(
    IDestinationHealthUpdater updater,
    ProbeHistory history,
    ServiceHealthBoard board,
    IOptions<HealthCheckOptions> options) : IActiveHealthCheckPolicy
{
    public const string PolicyName = "SatuPintu";

    public string Name => PolicyName;

    public void ProbingCompleted(ClusterState cluster, IReadOnlyList<DestinationProbingResult> probingResults) =>
        Record(cluster, [.. probingResults.Select(p => (p.Destination, p.Exception is null && p.Response?.IsSuccessStatusCode == true))]);

    /// <summary>Records probe results for some or all of a cluster's destinations and re-evaluates the service.</summary>
    public void Record(ClusterState cluster, IReadOnlyList<(DestinationState Destination, bool Succeeded)> probes)
    {
        var threshold = options.Value.FailuresBeforeUnhealthy;
        var results = new List<NewActiveDestinationHealth>(probes.Count);
        foreach (var (destination, succeeded) in probes)
        {
            var window = history.Record(destination, succeeded);
            var health = window.ConsecutiveFailures >= threshold ? DestinationHealth.Unhealthy : DestinationHealth.Healthy;
            results.Add(new NewActiveDestinationHealth(destination, health));
        }

        updater.SetActive(cluster, results);
        board.Report(cluster.ClusterId, ServiceHealthEvaluator.Evaluate(cluster, history));
    }
}

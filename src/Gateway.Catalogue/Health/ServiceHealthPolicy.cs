using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Gateway.Catalogue.Health;

/// <summary>
/// YARP active health policy: a destination leaves rotation after
/// <see cref="HealthCheckOptions.FailuresBeforeUnhealthy"/> failed probes in a row and returns after one
/// success. Unlike YARP's built-in policy it remembers recent probes, so a flaky app shows as degraded.
/// </summary>
internal sealed class ServiceHealthPolicy(
    IDestinationHealthUpdater updater,
    ProbeHistory history,
    ServiceHealthBoard board,
    IOptions<CatalogueOptions> options) : IActiveHealthCheckPolicy
{
    public const string PolicyName = "SatuPintu";

    public string Name => PolicyName;

    public void ProbingCompleted(ClusterState cluster, IReadOnlyList<DestinationProbingResult> probingResults)
    {
        var threshold = options.Value.Health.FailuresBeforeUnhealthy;
        var results = new List<NewActiveDestinationHealth>(probingResults.Count);
        foreach (var probe in probingResults)
        {
            var succeeded = probe.Exception is null && probe.Response?.IsSuccessStatusCode == true;
            var window = history.Record(probe.Destination, succeeded);
            var health = window.ConsecutiveFailures >= threshold ? DestinationHealth.Unhealthy : DestinationHealth.Healthy;
            results.Add(new NewActiveDestinationHealth(probe.Destination, health));
        }

        updater.SetActive(cluster, results);
        board.Report(cluster.ClusterId, ServiceHealthEvaluator.Evaluate(cluster, history));
    }
}

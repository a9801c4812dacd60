using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Gateway.Catalogue.Health;

/// <summary>
/// Probes newly exposed services at once instead of after the first probe interval, so an
/// administrator sees a new service's status within a second of adding it.
/// </summary>
internal sealed class FirstProbe(IActiveHealthCheckMonitor monitor, IProxyStateLookup proxy)
{
    public void Start(IReadOnlyCollection<string> slugs)
    {
        if (slugs.Count == 0)
        {
            return;
        }

        var clusters = new List<ClusterState>();
        foreach (var slug in slugs)
        {
            if (proxy.TryGetCluster(slug, out var cluster) && cluster.Model.Config.HealthCheck?.Active?.Enabled == true)
            {
                clusters.Add(cluster);
            }
        }

        if (clusters.Count > 0)
        {
            // Results arrive through ServiceHealthPolicy like any probe; nobody waits for them here.
            _ = monitor.CheckHealthAsync(clusters);
        }
    }
}

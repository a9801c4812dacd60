using Gateway.Platform.Catalogue;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy.Health;

/// <summary>A service's status as computed from its destinations' active and passive health.</summary>
internal readonly record struct HealthVerdict(HealthState State, string Detail);

internal static class ServiceHealthEvaluator
{
    /// <summary>
    /// Down: every destination unhealthy. Degraded: some unhealthy, or a recent probe failed.
    /// Up: probed (or seen passively) and fine. Unknown: nothing observed yet.
    /// </summary>
    public static HealthVerdict Evaluate(ClusterState cluster, ProbeHistory history)
    {
        var destinations = cluster.Destinations.Values;
        if (destinations.Count == 0)
        {
            return new(HealthState.Down, "no destinations");
        }

        int unhealthy = 0, observed = 0, withRecentFailures = 0;
        foreach (var destination in destinations)
        {
            var health = destination.Health;
            if (health.Active == DestinationHealth.Unhealthy || health.Passive == DestinationHealth.Unhealthy)
            {
                unhealthy++;
            }

            var window = history.Get(destination);
            if ((window?.Count ?? 0) > 0 || health.Passive != DestinationHealth.Unknown)
            {
                observed++;
            }

            if (window?.Failures > 0)
            {
                withRecentFailures++;
            }
        }

        var total = destinations.Count;
        if (unhealthy == total)
        {
            return new(HealthState.Down, $"{unhealthy} of {total} destinations failing");
        }

        if (unhealthy > 0)
        {
            return new(HealthState.Degraded, $"{unhealthy} of {total} destinations failing");
        }

        if (withRecentFailures > 0)
        {
            return new(HealthState.Degraded, $"recent health probes failed on {withRecentFailures} of {total} destinations");
        }

        return observed > 0 ? new(HealthState.Up, "healthy") : new(HealthState.Unknown, "not checked yet");
    }
}

using System.ComponentModel.DataAnnotations;

namespace Gateway.Catalogue;

/// <summary>Settings of the catalogue and its proxy (section <c>Catalogue</c>).</summary>
public sealed class CatalogueOptions
{
    public const string Section = "Catalogue";

    public HealthCheckOptions Health { get; set; } = new();

    /// <summary>Upstream timeout used when an exposure does not give one.</summary>
    [Range(1, 300)]
    public int DefaultTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How often each instance re-reads the catalogue from the database as a safety net, so replicas that
    /// share a database converge even if a change notification is missed. 0 turns it off.
    /// </summary>
    [Range(0, 3600)]
    public int RefreshSeconds { get; set; } = 30;
}

public sealed class HealthCheckOptions
{
    /// <summary>Seconds between active probes; each distinct health URL is probed once per interval.</summary>
    [Range(1, 3600)]
    public int ProbeIntervalSeconds { get; set; } = 10;

    /// <summary>A probe slower than this counts as failed.</summary>
    [Range(1, 120)]
    public int ProbeTimeoutSeconds { get; set; } = 5;

    /// <summary>Consecutive failed probes before a destination is taken out of rotation.</summary>
    [Range(1, 100)]
    public int FailuresBeforeUnhealthy { get; set; } = 2;

    /// <summary>How many recent probes are remembered; any failure among them makes the service "degraded".</summary>
    [Range(1, 100)]
    public int RecentProbes { get; set; } = 5;

    /// <summary>Seconds between re-evaluations of services without active checks (from passive failures); probed services are evaluated at each probe.</summary>
    [Range(1, 3600)]
    public int EvaluationSeconds { get; set; } = 2;
}

using System.ComponentModel.DataAnnotations;

namespace Gateway.Proxy.Health;

/// <summary>How the proxy checks the agency apps behind it (section <c>Proxy:Health</c>).</summary>
public sealed class HealthCheckOptions
{
    public const string Section = "Proxy:Health";

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

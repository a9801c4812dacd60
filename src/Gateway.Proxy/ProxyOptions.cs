using System.ComponentModel.DataAnnotations;

namespace Gateway.Proxy;

/// <summary>The proxy's own limits (section <c>Proxy</c>); health checking has its own section, <c>Proxy:Health</c>.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>
    /// Requests one service may have in flight at once on this replica, unless its exposure sets
    /// <c>maxConcurrentRequests</c>. A slow legacy app otherwise collects callers until the gateway's
    /// connections and memory are spent on it, and every other service suffers.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConcurrentRequestsPerService { get; set; } = 256;
}

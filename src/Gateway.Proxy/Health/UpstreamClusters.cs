using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Gateway.Platform.Catalogue;

namespace Gateway.Proxy.Health;

/// <summary>
/// Which YARP cluster a service is sent to. Services that reach the same agency app the same way (same
/// destinations, timeout and health path) share one cluster: an app behind a hundred services is probed,
/// balanced and marked down once, not a hundred times, and the proxy's configuration grows with the
/// number of agency apps rather than the number of services. The id is a digest of those settings, so
/// it is the same on every replica and stays the same while they do.
/// </summary>
internal sealed class UpstreamClusters
{
    private readonly ConditionalWeakTable<PublishedExposure, string> _ids = [];

    public string IdOf(PublishedExposure exposure) => _ids.GetValue(exposure, Digest);

    private static string Digest(PublishedExposure e)
    {
        var key = string.Join('\n', [.. e.Destinations, e.TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), e.HealthCheckPath ?? ""]);
        return "upstream-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8);
    }
}

using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Catalogue.Proxy;

/// <summary>
/// Feeds YARP the routes built from the catalogue. Each update swaps in a whole new configuration and
/// signals the old one's change token; YARP then rebuilds only the routes that changed, and requests
/// already in flight finish on the configuration they started with.
/// </summary>
internal sealed class CatalogueProxyConfigProvider(UpstreamCredentialStore credentials) : IProxyConfigProvider
{
    private volatile CatalogueProxyConfig _config = new([], []);

    public IProxyConfig GetConfig() => _config;

    public void Update(ProxyConfigSet set)
    {
        // Credentials first: YARP builds the new routes' transforms as soon as the token fires.
        credentials.Replace(set.Credentials);
        var previous = _config;
        _config = new CatalogueProxyConfig(set.Routes, set.Clusters);
        previous.SignalChange();
    }

    // The token source is never disposed: YARP may still hold a registration on a replaced config.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "See comment above.")]
    private sealed class CatalogueProxyConfig : IProxyConfig
    {
        private readonly CancellationTokenSource _changed = new();

        public CatalogueProxyConfig(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters)
        {
            Routes = routes;
            Clusters = clusters;
            ChangeToken = new CancellationChangeToken(_changed.Token);
        }

        public IReadOnlyList<RouteConfig> Routes { get; }
        public IReadOnlyList<ClusterConfig> Clusters { get; }
        public IChangeToken ChangeToken { get; }

        public void SignalChange() => _changed.Cancel();
    }
}

/// <summary>One complete proxy configuration: routes, clusters and the upstream credentials their transforms add.</summary>
internal sealed record ProxyConfigSet(
    IReadOnlyList<RouteConfig> Routes,
    IReadOnlyList<ClusterConfig> Clusters,
    IReadOnlyDictionary<string, UpstreamCredential> Credentials);

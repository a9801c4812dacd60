using Gateway.Proxy.Forwarding;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Proxy.Routing;

/// <summary>
/// Feeds YARP the configuration built from the catalogue, and <see cref="ServiceRouter"/> the services by
/// prefix. Each update swaps in a whole new configuration and signals the old one's change token; YARP
/// applies it before the signal returns (updating only the clusters that changed), then the new service
/// table is swapped in, so a request never finds a service whose cluster YARP does not know yet.
/// Requests already in flight finish on the route they started with.
/// </summary>
internal sealed class CatalogueProxyConfigProvider(UpstreamCredentialStore credentials) : IProxyConfigProvider
{
    private volatile CatalogueProxyConfig _config = new([], []);
    private volatile ServiceRouteTable _routes = ServiceRouteTable.Empty;

    public ServiceRouteTable Routes => _routes;

    public IProxyConfig GetConfig() => _config;

    public void Update(ProxyConfigSet set)
    {
        // Credentials first: a new service's transforms are built (with its credential) on its first request.
        credentials.Replace(set.Credentials);
        var previous = _config;
        _config = new CatalogueProxyConfig(set.Routes, set.Clusters);
        previous.SignalChange();
        _routes = set.Services;
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

/// <summary>One complete proxy configuration: YARP's routes and clusters, the upstream credentials the transforms add, the services by prefix.</summary>
internal sealed record ProxyConfigSet(
    IReadOnlyList<RouteConfig> Routes,
    IReadOnlyList<ClusterConfig> Clusters,
    IReadOnlyDictionary<string, UpstreamCredential> Credentials,
    ServiceRouteTable Services);

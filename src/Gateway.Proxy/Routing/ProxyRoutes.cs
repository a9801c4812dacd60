using Gateway.Platform.Catalogue;
using Gateway.Proxy.Health;

namespace Gateway.Proxy.Routing;

/// <summary>
/// Follows the published catalogue: starts tracking the health of newly exposed services, hands YARP the
/// new routes and probes the new services straight away rather than at the next round.
/// </summary>
internal sealed class ProxyRoutes(
    ProxyConfigFactory factory,
    CatalogueProxyConfigProvider provider,
    ServiceHealthBoard health,
    SharedProber prober) : ICatalogueObserver
{
    public void Observe(PublishedCatalogue catalogue)
    {
        var newlyExposed = health.Follow(catalogue);
        provider.Update(factory.Build(catalogue, provider.Routes));
        prober.ProbeSoon(newlyExposed);
    }
}

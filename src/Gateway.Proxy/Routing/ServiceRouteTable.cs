using Gateway.Platform.Catalogue;

namespace Gateway.Proxy.Routing;

/// <summary>
/// Finds the service a request is for by the longest published prefix its path starts with, segment by
/// segment (<c>/disdukcapil/akta</c> takes <c>/disdukcapil/akta</c> and <c>/disdukcapil/akta/x</c>, not
/// <c>/disdukcapil/aktax</c>), ignoring case as ASP.NET Core's routing did. One dictionary, built once per
/// catalogue change: a lookup costs the same with 20 services or 50,000, and a change costs one pass over
/// the services, not a rebuild of ASP.NET Core's route matcher.
/// </summary>
internal sealed class ServiceRouteTable
{
    public static readonly ServiceRouteTable Empty = new(new Dictionary<string, ServiceRoute>(StringComparer.OrdinalIgnoreCase));

    private readonly Dictionary<string, ServiceRoute> _byPrefix;
    private readonly Dictionary<string, ServiceRoute>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private ServiceRouteTable(Dictionary<string, ServiceRoute> byPrefix)
    {
        _byPrefix = byPrefix;
        _lookup = byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _byPrefix.Count;

    /// <summary>
    /// The table for a new catalogue. A service whose published form did not change keeps its route
    /// (and the YARP route built for it); the rest get new ones.
    /// </summary>
    public static ServiceRouteTable For(PublishedCatalogue catalogue, ServiceRouteTable previous, Func<PublishedExposure, string> clusterOf)
    {
        var byPrefix = new Dictionary<string, ServiceRoute>(catalogue.Services.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var service in catalogue.Services)
        {
            var prefix = service.Exposure.PathPrefix.TrimEnd('/');
            var route = previous._byPrefix.TryGetValue(prefix, out var known) && ReferenceEquals(known.Service, service)
                ? known
                : new ServiceRoute(service, clusterOf(service.Exposure));
            byPrefix[prefix] = route; // prefixes are unique in the catalogue (checked when saved)
        }

        return new ServiceRouteTable(byPrefix);
    }

    public ServiceRoute? Find(ReadOnlySpan<char> path)
    {
        var candidate = path.TrimEnd('/');
        while (candidate.Length > 1)
        {
            if (_lookup.TryGetValue(candidate, out var route))
            {
                return route;
            }

            var slash = candidate.LastIndexOf('/');
            if (slash <= 0)
            {
                return null;
            }

            candidate = candidate[..slash];
        }

        return null;
    }
}

using Gateway.Platform.Catalogue;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy.Routing;

/// <summary>
/// One exposed service as the proxy routes it: found by its path prefix (<see cref="ServiceRouteTable"/>),
/// sent to its upstream's cluster. Its YARP route (metadata read by the access and quota steps, and the
/// transforms) is built on the first request, not when the catalogue loads: a national catalogue holds
/// tens of thousands of services and most are rarely called. A changed service gets a new instance.
/// </summary>
internal sealed class ServiceRoute(PublishedService service, string clusterId)
{
    private RouteModel? _model;

    public PublishedService Service { get; } = service;

    public string ClusterId { get; } = clusterId;

    public RouteModel? Model => Volatile.Read(ref _model);

    public bool Allows(string method)
    {
        foreach (var allowed in Service.Exposure.Methods)
        {
            if (string.Equals(allowed, method, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Keeps the first model built; two requests racing to build it both use that one.</summary>
    public RouteModel Remember(RouteModel model) => Interlocked.CompareExchange(ref _model, model, null) ?? model;
}

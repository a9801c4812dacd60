using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Proxy.Routing;

/// <summary>
/// The proxy's first step after error handling: YARP has one catch-all route on the apps origin, and this
/// step picks the service by path prefix (<see cref="ServiceRouteTable"/>), holds the request to the
/// service's methods and hands YARP the service's own route and its upstream's cluster. Every later step
/// (access, quotas, transforms, forwarding) then works on that route as if YARP had matched it.
/// </summary>
internal sealed class ServiceRouter(
    CatalogueProxyConfigProvider config,
    ProxyConfigFactory factory,
    IProxyStateLookup proxy,
    ITransformBuilder transforms)
{
    private static readonly BilingualText NoService = new(
        "Tidak ada layanan di alamat ini. Daftar layanan: /api/catalogue/services",
        "No service is published at this address. Services: /api/catalogue/services");

    private static readonly BilingualText MethodRefused = new(
        "Layanan {0} tidak menerima metode {1}.",
        "Service {0} does not accept method {1}.");

    private static readonly BilingualText NotReady = new(
        "Layanan {0} sedang dipasang. Coba lagi sebentar lagi.",
        "Service {0} is being set up. Try again in a moment.");

    public Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var route = config.Routes.Find(context.Request.Path.Value);
        if (route is null)
        {
            return Problems.WriteAsync(context, () => Problems.Create(ProblemKind.NotFound, NoService));
        }

        var slug = route.Service.Slug;
        if (!route.Allows(context.Request.Method))
        {
            context.Response.Headers[HeaderNames.Allow] = string.Join(", ", route.Service.Exposure.Methods);
            return Problems.WriteAsync(context, () => Problems.Create(ProblemKind.MethodNotAllowed, MethodRefused.With(slug, context.Request.Method)));
        }

        if (route.Model is not { } model)
        {
            if (!proxy.TryGetCluster(route.ClusterId, out var cluster))
            {
                context.Response.Headers.RetryAfter = "1";
                return Problems.WriteAsync(context, () => Problems.Create(ProblemKind.ServiceUnavailable, NotReady.With(slug)));
            }

            var routeConfig = factory.BuildRoute(route.Service, route.ClusterId);
            model = route.Remember(new RouteModel(routeConfig, cluster, transforms.Build(routeConfig, cluster.Model?.Config)));
        }

        context.ReassignProxyRequest(model, model.Cluster!);
        return next();
    }
}

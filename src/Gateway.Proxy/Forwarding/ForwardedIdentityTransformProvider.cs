using Gateway.Platform.Security;
using Gateway.Proxy.Access;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Proxy.Forwarding;

/// <summary>
/// On protected routes, hands the agency app the gateway's signed identity token for whoever passed the
/// route's access rule. Public routes authenticate nobody and get nothing.
/// </summary>
internal sealed class ForwardedIdentityTransformProvider(IServiceProvider services) : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        // A route without an access rule is no service's (the catch-all YARP matches first): nothing to vouch for.
        if (context.Route.Metadata?.ContainsKey(RouteRule.KindKey) != true
            || !RouteRule.IsProtected(context.Route)
            || context.Route.Metadata?.TryGetValue(RouteRule.AgencyKey, out var agency) != true
            || services.GetService<IForwardedIdentityIssuer>() is not { } issuer)
        {
            return;
        }

        var service = context.Route.RouteId;
        context.AddRequestTransform(transform =>
        {
            var http = transform.HttpContext;
            if (issuer.Issue(http, http.User, agency!, service) is { } token)
            {
                transform.ProxyRequest.Headers.TryAddWithoutValidation(ForwardedIdentity.HeaderName, token);
            }

            return ValueTask.CompletedTask;
        });
    }
}

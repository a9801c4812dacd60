using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Proxy.Forwarding;

/// <summary>A header the gateway adds so the agency app accepts the call, already decrypted when the routes were built.</summary>
internal sealed record UpstreamCredential(string HeaderName, string Value);

/// <summary>
/// The decrypted upstream credentials of the current configuration, by service slug. Kept out of
/// <c>RouteConfig</c> so secrets never appear in YARP's configuration objects or their logs.
/// </summary>
internal sealed class UpstreamCredentialStore
{
    private volatile IReadOnlyDictionary<string, UpstreamCredential> _bySlug = new Dictionary<string, UpstreamCredential>();

    public void Replace(IReadOnlyDictionary<string, UpstreamCredential> credentials) => _bySlug = credentials;

    public bool TryGet(string slug, out UpstreamCredential? credential) => _bySlug.TryGetValue(slug, out credential);
}

/// <summary>Adds the upstream credential to a route's requests. Runs when YARP builds a route, not per request.</summary>
internal sealed class UpstreamCredentialTransformProvider(UpstreamCredentialStore store) : ITransformProvider
{
    /// <summary>Route metadata carrying the service slug, by which the credential is found.</summary>
    public const string ServiceKey = "satupintu.service";

    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        if (context.Route.Metadata?.TryGetValue(ServiceKey, out var slug) == true
            && store.TryGet(slug, out var credential))
        {
            context.AddRequestHeader(credential!.HeaderName, credential.Value, append: false);
        }
    }
}

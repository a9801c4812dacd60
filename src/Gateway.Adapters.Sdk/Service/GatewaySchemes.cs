namespace Gateway.Adapters.Sdk.Service;

/// <summary>
/// The two ways a request reaches an adapter service from the gateway, as authentication schemes and
/// policies: the gateway itself filing or asking (a call token) and a person through the proxy (the
/// forwarded identity).
/// </summary>
public static class GatewaySchemes
{
    /// <summary>The gateway's own calls on the adapter contract (<c>/adapter/v1</c>).</summary>
    public const string GatewayCall = "satupintu-gateway-call";

    /// <summary>A person signed in at the gateway, reaching the adapter's read endpoints through the proxy.</summary>
    public const string ForwardedIdentity = "satupintu-forwarded-identity";
}

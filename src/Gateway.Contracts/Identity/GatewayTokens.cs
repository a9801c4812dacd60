namespace Gateway.Contracts.Identity;

/// <summary>
/// The names an agency's app or adapter reads the gateway's identity by. Defined here once, for the
/// gateway that signs and the SDK that verifies.
/// </summary>
public static class GatewayTokens
{
    /// <summary>The request header carrying the gateway's signed token for the signed-in caller.</summary>
    public const string IdentityHeader = "X-SatuPintu-Identity";

    /// <summary>The JWT <c>typ</c> of that token, so it cannot be mistaken for an access or ID token.</summary>
    public const string IdentityTokenType = "satupintu-identity+jwt";
}

namespace Gateway.Platform.Security;

/// <summary>
/// Signs the token the gateway sends with each call to an adapter service, with the gateway's own key
/// (verifiable with its JWKS): the adapter knows which gateway calls. Issued by the identity module; the
/// requests module only asks for it.
/// </summary>
public interface IAdapterCallSigner
{
    /// <summary>A short-lived token for one call to the adapter service of <paramref name="agencyCode"/>; its nonce is what the adapter's proof covers.</summary>
    AdapterCallToken Sign(string agencyCode);
}

/// <param name="Token">For the <c>Authorization: Bearer</c> header.</param>
/// <param name="Nonce">The token's <c>jti</c>, unique per call.</param>
public sealed record AdapterCallToken(string Token, string Nonce);

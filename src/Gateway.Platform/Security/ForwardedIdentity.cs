using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Gateway.Platform.Security;

/// <summary>
/// The identity the gateway vouches for to an agency app: a short-lived JWT signed with the gateway's
/// key (verifiable with its JWKS), audience = the agency, only the claims that agency may see. The
/// citizen's own cookie and access token never leave the gateway. Issued by the identity module; the
/// proxy only asks for it.
/// </summary>
public interface IForwardedIdentityIssuer
{
    /// <summary>The token for <paramref name="user"/> calling a service of <paramref name="agencyCode"/>, or null when there is nobody signed in.</summary>
    string? Issue(HttpContext context, ClaimsPrincipal user, string agencyCode);
}

public static class ForwardedIdentity
{
    /// <summary>The request header an agency app reads the gateway's identity token from.</summary>
    public const string HeaderName = "X-SatuPintu-Identity";

    /// <summary>The JWT <c>typ</c> of the forwarded token, so it cannot be mistaken for an access or ID token.</summary>
    public const string TokenType = "satupintu-identity+jwt";
}

/// <summary>Reads granted scopes from a principal, whichever way the token carried them.</summary>
public static class ScopeClaims
{
    public static bool Has(ClaimsPrincipal user, string scope) =>
        user.FindAll("oi_scp").Any(c => c.Value == scope)
        || user.FindAll("scope").Any(c => c.Value.Split(' ').Contains(scope));
}

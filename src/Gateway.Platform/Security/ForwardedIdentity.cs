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
    /// <summary>
    /// The token for <paramref name="user"/> calling <paramref name="service"/> of <paramref name="agencyCode"/>, or null
    /// when there is nobody signed in. Every token handed out is counted for the person's record of who received their data.
    /// </summary>
    string? Issue(HttpContext context, ClaimsPrincipal user, string agencyCode, string service);
}

public static class ForwardedIdentity
{
    /// <summary>The request header an agency app reads the gateway's identity token from.</summary>
    public const string HeaderName = Gateway.Contracts.Identity.GatewayTokens.IdentityHeader;

    /// <summary>The JWT <c>typ</c> of the forwarded token, so it cannot be mistaken for an access or ID token.</summary>
    public const string TokenType = Gateway.Contracts.Identity.GatewayTokens.IdentityTokenType;
}

/// <summary>
/// The audiences of access tokens. Every token names the gateway (its own APIs); besides, a token issued
/// to an agency's app names that agency, and one issued to the city's own apps (the portal) names the
/// city — which is what lets it reach every agency's routes. The proxy refuses a token on an agency's
/// route unless it names that agency or the city.
/// </summary>
public static class TokenAudiences
{
    public const string Gateway = "satupintu";
    public const string City = "satupintu:city";
    public const string AgencyPrefix = "satupintu:agency:";

    public static string Agency(string agencyCode) => AgencyPrefix + agencyCode;

    /// <summary>The claim types a validated token's audiences arrive in.</summary>
    public static IEnumerable<string> Of(ClaimsPrincipal user) =>
        user.FindAll("aud").Concat(user.FindAll("oi_aud")).Select(c => c.Value);

    /// <summary>True for a principal that is not a token (a gateway cookie), or a token meant for this agency or the city.</summary>
    /// <remarks>Runs on every proxied request with a token: one pass over the claims, nothing allocated for the answer.</remarks>
    public static bool Allow(ClaimsPrincipal user, string agencyCode)
    {
        var anyAudience = false;
        foreach (var identity in user.Identities)
        {
            foreach (var claim in identity.Claims)
            {
                if (claim.Type is not ("aud" or "oi_aud"))
                {
                    continue;
                }

                anyAudience = true;
                var value = claim.Value;
                if (value == City || (value.StartsWith(AgencyPrefix, StringComparison.Ordinal) && value.AsSpan(AgencyPrefix.Length).SequenceEqual(agencyCode)))
                {
                    return true;
                }
            }
        }

        return !anyAudience;
    }
}

/// <summary>Reads granted scopes from a principal, whichever way the token carried them.</summary>
public static class ScopeClaims
{
    public static bool Has(ClaimsPrincipal user, string scope) =>
        user.FindAll("oi_scp").Any(c => c.Value == scope)
        || user.FindAll("scope").Any(c => c.Value.Split(' ').Contains(scope));
}

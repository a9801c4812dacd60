using System.Security.Claims;
using Gateway.Identity.Accounts;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Gateway.Identity.Server;

/// <summary>
/// Builds the identity behind issued tokens and decides which claim goes where: the access token (read
/// by the gateway) carries who and what role; the identity token (read by the client app) only what
/// the granted scopes allow. The NIK goes nowhere without the <c>nik</c> scope, and nowhere at all while
/// it is only claimed.
/// </summary>
public sealed class TokenClaims(UserManager<GatewayUser> users)
{
    /// <param name="audiences">The client's audiences (<see cref="Clients.ClientAudiences"/>): which agencies' routes the token opens.</param>
    public async Task<ClaimsIdentity> ForUserAsync(GatewayUser user, IEnumerable<string> scopes, IEnumerable<string> audiences)
    {
        var roles = await users.GetRolesAsync(user);
        var identity = new ClaimsIdentity(
            authenticationType: TokenValidationParameters.DefaultAuthenticationType,
            nameType: Claims.Name,
            roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.FullName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.EmailVerified, user.Email is null ? null : user.EmailConfirmed)
            .SetClaim(Claims.PhoneNumber, user.PhoneNumber)
            .SetClaim(Claims.PhoneNumberVerified, user.PhoneNumber is null ? null : user.PhoneNumberConfirmed)
            .SetClaim(Claims.Locale, user.PreferredLanguage)
            .SetClaim(GatewayClaims.Agency, user.AgencyCode)
            .SetClaim(GatewayClaims.Nik, user.HasVerifiedNik ? user.Nik : null)
            .SetClaim(GatewayClaims.NikAssurance, user.Nik is null ? null : user.HasVerifiedNik ? NikAssurance.Verified : NikAssurance.Claimed)
            .SetClaims(Claims.Role, [.. roles]);
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Officer))
        {
            // Staff tokens are checked against the account every few seconds (StaffAccounts): this says
            // which sign-in they belong to, without carrying the security stamp itself.
            identity.SetClaim(GatewayClaims.SessionStamp, StaffAccounts.StampOf(user.SecurityStamp));
        }

        identity.SetScopes(scopes);
        identity.SetResources(audiences);
        identity.SetDestinations(claim => DestinationsOf(claim, identity));
        return identity;
    }

    public static ClaimsIdentity ForClient(string clientId, string? displayName, IEnumerable<string> scopes, IEnumerable<string> audiences)
    {
        var identity = new ClaimsIdentity(
            authenticationType: TokenValidationParameters.DefaultAuthenticationType,
            nameType: Claims.Name,
            roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName ?? clientId);
        identity.SetScopes(scopes);
        identity.SetResources(audiences);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
        return identity;
    }

    private static IEnumerable<string> DestinationsOf(Claim claim, ClaimsIdentity identity)
    {
        var scopes = identity.GetScopes();
        switch (claim.Type)
        {
            case Claims.Subject:
            case Claims.Role:
            case GatewayClaims.Agency:
            case GatewayClaims.NikAssurance:
                yield return OpenIddictConstants.Destinations.AccessToken;
                yield return OpenIddictConstants.Destinations.IdentityToken;
                yield break;
            case Claims.Name:
                yield return OpenIddictConstants.Destinations.AccessToken;
                if (scopes.Contains(Scopes.Profile))
                {
                    yield return OpenIddictConstants.Destinations.IdentityToken;
                }

                yield break;
            case Claims.Locale when scopes.Contains(Scopes.Profile):
            case Claims.Email or Claims.EmailVerified when scopes.Contains(Scopes.Email):
            case Claims.PhoneNumber or Claims.PhoneNumberVerified when scopes.Contains(Scopes.Phone):
                yield return OpenIddictConstants.Destinations.IdentityToken;
                yield break;
            case GatewayClaims.SessionStamp:
                yield return OpenIddictConstants.Destinations.AccessToken;
                yield break;
            case GatewayClaims.Nik when scopes.Contains(GatewayScopes.Nik):
                yield return OpenIddictConstants.Destinations.AccessToken;
                yield return OpenIddictConstants.Destinations.IdentityToken;
                yield break;
            default:
                // Security stamp, Identity's internal claims and anything not granted: nowhere.
                yield break;
        }
    }
}

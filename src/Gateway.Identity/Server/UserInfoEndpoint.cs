using Gateway.Identity.Accounts;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Gateway.Identity.Server;

/// <summary><c>/connect/userinfo</c>: what the access token's scopes allow the client to know about the person.</summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> GetAsync(HttpContext context, UserManager<GatewayUser> users)
    {
        var principal = context.User;
        var user = principal.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (user is null)
        {
            return Results.Challenge(authenticationSchemes: [SignOnSchemes.Bearer]);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [Claims.Subject] = user.Id.ToString(),
        };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.FullName;
            claims[Claims.Locale] = user.PreferredLanguage;
        }

        if (principal.HasScope(Scopes.Email) && user.Email is not null)
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (principal.HasScope(Scopes.Phone) && user.PhoneNumber is not null)
        {
            claims[Claims.PhoneNumber] = user.PhoneNumber;
            claims[Claims.PhoneNumberVerified] = user.PhoneNumberConfirmed;
        }

        if (principal.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = await users.GetRolesAsync(user);
            if (user.AgencyCode is not null)
            {
                claims[GatewayClaims.Agency] = user.AgencyCode;
            }
        }

        if (principal.HasScope(GatewayScopes.Nik) && user.HasVerifiedNik)
        {
            claims[GatewayClaims.Nik] = user.Nik!;
        }

        if (user.Nik is not null)
        {
            claims[GatewayClaims.NikAssurance] = user.HasVerifiedNik ? NikAssurance.Verified : NikAssurance.Claimed;
        }

        return Results.Ok(claims);
    }
}

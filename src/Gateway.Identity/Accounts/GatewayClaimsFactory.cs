using System.Security.Claims;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Gateway.Identity.Accounts;

/// <summary>
/// The claims of the gateway's own cookies: the person's full name (Identity would use the user name),
/// their roles, the officer's agency, and for citizens how sure the NIK is — the NIK itself only once it
/// is verified, for the proxy's policies and forwarded identity.
/// </summary>
internal sealed class GatewayClaimsFactory(
    UserManager<GatewayUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<GatewayUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(GatewayUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var claim in identity.FindAll(Claims.Name).ToList())
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaim(new Claim(Claims.Name, user.FullName));
        if (user.AgencyCode is not null)
        {
            identity.AddClaim(new Claim(GatewayClaims.Agency, user.AgencyCode));
        }

        if (user.Nik is not null)
        {
            identity.AddClaim(new Claim(GatewayClaims.NikAssurance, user.HasVerifiedNik ? NikAssurance.Verified : NikAssurance.Claimed));
        }

        if (user.HasVerifiedNik)
        {
            identity.AddClaim(new Claim(GatewayClaims.Nik, user.Nik!));
        }

        return identity;
    }
}

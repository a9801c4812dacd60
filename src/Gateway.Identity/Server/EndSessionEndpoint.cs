using Gateway.Identity.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server.AspNetCore;

namespace Gateway.Identity.Server;

/// <summary>
/// <c>/connect/endsession</c> (RP-initiated logout): ends the gateway session and sends the browser back
/// to the client's registered post-logout address (OpenIddict has checked it), or to the signed-out page.
/// </summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> SignOutAsync(SignInManager<GatewayUser> signIns)
    {
        await signIns.SignOutAsync();
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/akun/keluar?selesai=1" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}

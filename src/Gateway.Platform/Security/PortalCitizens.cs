using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Gateway.Platform.Security;

/// <summary>
/// Who is signed in to Portal Warga, for its pages that are open to everyone but do more for a citizen
/// (complaints: kept with the account instead of anonymous). Pages that need a citizen use a policy on
/// <see cref="SignOnSchemes.Portal"/> instead.
/// </summary>
public static class PortalCitizens
{
    /// <summary>The citizen of the portal's session, or null.</summary>
    public static async Task<ClaimsPrincipal?> SignedInAsync(HttpContext context)
    {
        var portal = await context.AuthenticateAsync(SignOnSchemes.Portal);
        return portal.Succeeded && portal.Principal.IsInRole(Roles.Citizen) ? portal.Principal : null;
    }

    /// <summary>
    /// True when this browser is signed in to SatuPintu but the portal has not signed in with it yet (the
    /// person signed in at <c>/akun/masuk</c> and came here directly). A page read then challenges: for a
    /// signed-in person that is a few redirects and no form, after which the page knows them.
    /// </summary>
    public static async Task<bool> ShouldSignInAsync(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && (await context.AuthenticateAsync(SignOnSchemes.Session)).Succeeded
        && !(await context.AuthenticateAsync(SignOnSchemes.Portal)).Succeeded;
}

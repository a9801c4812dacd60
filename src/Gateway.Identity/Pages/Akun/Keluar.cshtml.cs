using Gateway.Identity.Accounts;
using Gateway.Identity.Sessions;
using Gateway.Platform.Edge;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Gateway.Identity.Pages.Akun;

/// <summary>
/// Ends this browser's SatuPintu session and Portal Warga's (a form, so a link in someone else's page cannot
/// sign you out), then passes by the apps origin, which ends its own session there and sends the browser back.
/// </summary>
public sealed class LogoutModel(SignInManager<GatewayUser> signIns, IOptions<EdgeOptions> edge) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "selesai")]
    public bool Done { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIns.SignOutAsync();
        await HttpContext.SignOutAsync(SignOnSchemes.Portal);
        return Redirect(EdgeOrigins.UrlOn(Request, edge.Value.Hosts.Apps, AppsHandOff.LeavePath));
    }
}

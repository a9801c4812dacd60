using Gateway.Identity.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Identity.Pages.Akun;

/// <summary>Ends this browser's SatuPintu session (a form, so a link in someone else's page cannot sign you out).</summary>
public sealed class LogoutModel(SignInManager<GatewayUser> signIns) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "selesai")]
    public bool Done { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIns.SignOutAsync();
        return RedirectToPage(new { selesai = true });
    }
}

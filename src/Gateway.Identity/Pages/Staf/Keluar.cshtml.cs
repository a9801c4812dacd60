using Gateway.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Identity.Pages.Staf;

/// <summary>Ends the staff session of this browser (a form: a link elsewhere cannot sign staff out).</summary>
public sealed class StaffLogoutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(SignOnSchemes.StaffSession);
        return LocalRedirect(Gateway.Platform.Security.SignInPaths.Staff);
    }
}

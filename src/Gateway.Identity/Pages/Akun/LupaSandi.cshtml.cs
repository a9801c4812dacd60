using Gateway.Identity.Accounts;
using Gateway.Identity.Verification;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Identity.Pages.Akun;

/// <summary>
/// Starts a password reset. The answer is the same whether or not the account exists, so the page
/// cannot be used to find out who has an account.
/// </summary>
public sealed class ForgotPasswordModel(AccountLookup lookup, UserManager<GatewayUser> users, VerificationCodes codes) : PageModel
{
    [BindProperty]
    public string? Login { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await lookup.FindAsync(Login, cancellationToken);
        if (user is not null && (user.EmailConfirmed || user.PhoneNumberConfirmed) && !await users.IsLockedOutAsync(user))
        {
            await codes.SendAsync(user, VerificationPurpose.ResetPassword, cancellationToken);
            ResetPasswordModel.Remember(TempData, user.Id);
        }

        return RedirectToPage("/Akun/AturUlangSandi");
    }
}

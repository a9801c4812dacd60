using Gateway.Identity.Accounts;
using Gateway.Identity.Verification;
using Gateway.Platform.Edge.RateLimits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gateway.Identity.Pages.Akun;

/// <summary>
/// Starts a password reset. The answer is the same whether or not the account exists, so the page
/// cannot be used to find out who has an account.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.ForgotPassword)]
public sealed class ForgotPasswordModel(
    AccountLookup lookup, UserManager<GatewayUser> users, VerificationCodes codes, Throttle throttle, IOptions<RateLimitOptions> limits) : PageModel
{
    [BindProperty]
    public string? Login { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Whoever asks, one login gets a few reset messages an hour: the page cannot flood someone's inbox.
        if (Attempts.Refusal(this, throttle, limits.Value.ForgotPasswordPerLogin, "reset:" + Login?.Trim()) is { } refusal)
        {
            Error = refusal;
            return Page();
        }

        var user = await lookup.FindAsync(Login, cancellationToken);
        if (user is not null && (user.EmailConfirmed || user.PhoneNumberConfirmed) && !await users.IsLockedOutAsync(user))
        {
            await codes.SendAsync(user, VerificationPurpose.ResetPassword, cancellationToken);
            ResetPasswordModel.Remember(TempData, user.Id);
        }

        return RedirectToPage("/Akun/AturUlangSandi");
    }
}

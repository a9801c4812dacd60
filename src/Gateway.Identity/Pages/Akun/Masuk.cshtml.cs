using Gateway.Identity.Accounts;
using Gateway.Platform.Edge.RateLimits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using static Gateway.Web.Frame.Text;

namespace Gateway.Identity.Pages.Akun;

/// <summary>
/// Sign-in with NIK, e-mail or phone and a password; wrong passwords count towards a lockout. Attempts are
/// limited per address (the page's policy) and per login typed, before any password is hashed.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class LoginModel(
    AccountLookup lookup,
    UserManager<GatewayUser> users,
    SignInManager<GatewayUser> signIns,
    VerificationCodes codes,
    Throttle throttle,
    IOptions<RateLimitOptions> limits,
    IOptions<SignOnOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Attempts.Refusal(this, throttle, limits.Value.SignInPerLogin, "sign-in:" + Login?.Trim()) is { } refusal)
        {
            Error = refusal;
            return Page();
        }

        var user = await lookup.FindAsync(Login, cancellationToken);
        if (user is null || string.IsNullOrEmpty(Password))
        {
            Error = T("NIK/e-mail/nomor HP atau kata sandi salah.", "Wrong NIK/e-mail/mobile number or password.");
            return Page();
        }

        var result = await signIns.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            Error = T($"Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam {options.Value.Lockout.Minutes} menit.",
                $"The account is locked for a while after too many failed attempts. Try again in {options.Value.Lockout.Minutes} minutes.");
        }
        else if (result.IsNotAllowed && await users.CheckPasswordAsync(user, Password))
        {
            // Identity says "not allowed" before it checks the password; only the owner gets this far.
            await codes.SendAsync(user, Verification.VerificationPurpose.VerifyAccount, cancellationToken);
            VerifyModel.Remember(TempData, user.Id);
            return RedirectToPage("/Akun/Verifikasi", new { returnUrl = ReturnUrl });
        }
        else
        {
            Error = T("NIK/e-mail/nomor HP atau kata sandi salah.", "Wrong NIK/e-mail/mobile number or password.");
        }

        return Page();
    }

    /// <summary>Only addresses on this gateway: a sign-in page must never send people elsewhere (open redirect).</summary>
    internal static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/akun";
}

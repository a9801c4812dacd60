using Gateway.Identity.Accounts;
using Gateway.Identity.Verification;
using Gateway.Platform.Edge.RateLimits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using static Gateway.Web.Frame.Text;

namespace Gateway.Identity.Pages.Akun;

/// <summary>
/// Enter the code sent at registration (or at a sign-in before verification). Which account is being
/// verified travels in the protected TempData cookie, never in the address.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class VerifyModel(
    UserManager<GatewayUser> users, SignInManager<GatewayUser> signIns, VerificationCodes codes, Registration registration,
    Throttle throttle, IOptions<RateLimitOptions> limits) : PageModel
{
    private const string AccountKey = "verify-account";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Destination { get; private set; }
    public string? Error { get; private set; }

    public static void Remember(ITempDataDictionary tempData, Guid accountId) => tempData[AccountKey] = accountId.ToString();

    public async Task OnGetAsync() => Destination = await PendingAccountAsync() is { } user ? VerificationCodes.MaskedDestination(user) : null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await PendingAccountAsync();
        if (user is null)
        {
            return Page();
        }

        Destination = VerificationCodes.MaskedDestination(user);
        if (!await codes.CheckAsync(user, VerificationPurpose.VerifyAccount, Code))
        {
            Error = await users.IsLockedOutAsync(user)
                ? T("Terlalu banyak kode salah; akun dikunci sementara.", "Too many wrong codes; the account is locked for a while.")
                : T("Kode salah atau kedaluwarsa. Periksa lagi, atau minta kode baru.", "The code is wrong or has expired. Check it, or ask for a new one.");
            return Page();
        }

        await registration.CompleteVerificationAsync(user);
        TempData.Remove(AccountKey);
        await signIns.SignInAsync(user, isPersistent: false);
        return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var user = await PendingAccountAsync();
        if (user is null)
        {
            return RedirectToPage(new { returnUrl = ReturnUrl });
        }

        // One new code a minute per account, and a ceiling per address: a code is a message someone receives.
        Destination = VerificationCodes.MaskedDestination(user);
        if ((Attempts.Refusal(this, throttle, limits.Value.CodeResendPerAccount, "resend:" + user.Id)
             ?? Attempts.Refusal(this, throttle, limits.Value.CodeResendPerAddress, "resend:" + Attempts.Address(this))) is { } refusal)
        {
            Error = refusal;
            return Page();
        }

        if (!await users.IsLockedOutAsync(user))
        {
            await codes.SendAsync(user, VerificationPurpose.VerifyAccount, cancellationToken);
        }

        return RedirectToPage(new { returnUrl = ReturnUrl });
    }

    private async Task<GatewayUser?> PendingAccountAsync()
    {
        TempData.Keep(AccountKey);
        // TempData hands a stored GUID back as a Guid, not the string it was given.
        return TempData.Peek(AccountKey)?.ToString() is { Length: > 0 } id ? await users.FindByIdAsync(id) : null;
    }
}

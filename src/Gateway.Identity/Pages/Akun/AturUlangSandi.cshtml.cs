using Gateway.Identity.Accounts;
using Gateway.Identity.Verification;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using static Gateway.Web.Frame.Text;

namespace Gateway.Identity.Pages.Akun;

/// <summary>The code from the forgot-password page and a new password; a wrong code counts towards the lockout.</summary>
public sealed class ResetPasswordModel(UserManager<GatewayUser> users, VerificationCodes codes, IOptions<SignOnOptions> options) : PageModel
{
    private const string AccountKey = "reset-account";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Done { get; private set; }
    public string? Error { get; private set; }

    public static void Remember(ITempDataDictionary tempData, Guid accountId) => tempData[AccountKey] = accountId.ToString();

    public void OnGet(bool selesai = false) => Done = selesai;

    public async Task<IActionResult> OnPostAsync()
    {
        TempData.Keep(AccountKey);
        var user = TempData.Peek(AccountKey)?.ToString() is { Length: > 0 } id ? await users.FindByIdAsync(id) : null;
        if (user is null || !await codes.CheckAsync(user, VerificationPurpose.ResetPassword, Code))
        {
            Error = T("Kode salah atau kedaluwarsa.", "The code is wrong or has expired.");
            return Page();
        }

        if (Password != ConfirmPassword)
        {
            Error = T("Kedua kata sandi tidak sama.", "The two passwords differ.");
            return Page();
        }

        // Identity's reset changes the security stamp: every other session and remembered sign-in ends.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, Password ?? string.Empty);
        if (!result.Succeeded)
        {
            Error = T(AccountMessages.ToFieldError(result.Errors.First(), options.Value.Passwords.MinimumLength).Message);
            return Page();
        }

        TempData.Remove(AccountKey);
        return RedirectToPage(new { selesai = true });
    }
}

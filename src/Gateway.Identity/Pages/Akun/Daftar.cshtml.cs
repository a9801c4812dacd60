using Gateway.Identity.Accounts;
using Gateway.Identity.Verification;
using Gateway.Platform.Edge.RateLimits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using static Gateway.Web.Frame.Text;

namespace Gateway.Identity.Pages.Akun;

/// <summary>Citizen registration with NIK; on success a code is sent and the verification page follows.</summary>
[EnableRateLimiting(RateLimitPolicies.Registration)]
public sealed class RegisterModel(Registration registration, VerificationCodes codes, IOptions<SignOnOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Nik { get; set; }

    [BindProperty]
    public string? FullName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public int MinimumPasswordLength => options.Value.Passwords.MinimumLength;

    public Dictionary<string, string> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (user, errors) = await registration.RegisterAsync(
            new RegistrationInput(Nik, FullName, Email, Phone, Password, ConfirmPassword, Lang), cancellationToken);
        if (user is null)
        {
            foreach (var error in errors)
            {
                Errors.TryAdd(error.Field, T(error.Message));
            }

            return Page();
        }

        await codes.SendAsync(user, VerificationPurpose.VerifyAccount, cancellationToken);
        VerifyModel.Remember(TempData, user.Id);
        return RedirectToPage("/Akun/Verifikasi", new { returnUrl = ReturnUrl });
    }
}

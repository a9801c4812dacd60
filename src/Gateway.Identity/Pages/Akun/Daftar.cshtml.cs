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

    /// <summary>For the shared <c>_FieldHelp</c> partial: the field's id and its error (the hints are in the form).</summary>
    public (string Id, string? Hint, string? Error) ErrorFor(string field) => (field, null, Errors.GetValueOrDefault(field));

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    /// <summary>What the field's input names in aria-describedby: its hint, when it has one, and its error, when there is one.</summary>
    public string? DescribedBy(string field, bool hint = false) =>
        string.Join(" ", new[] { hint ? field + "-hint" : null, Errors.ContainsKey(field) ? field + "-error" : null }.OfType<string>()) is { Length: > 0 } ids ? ids : null;

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

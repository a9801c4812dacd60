using Gateway.Identity.Accounts;
using Gateway.Platform.Edge.RateLimits;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using static Gateway.Web.Frame.Text;

namespace Gateway.Identity.Pages.Staf;

/// <summary>
/// Sign-in on the administration origin, for officers and administrators only. It sets the staff cookie
/// of this origin (host-only, SameSite=Strict), never the portal's session: a page elsewhere in the city
/// cannot act with it.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class StaffLoginModel(
    AccountLookup lookup,
    UserManager<GatewayUser> users,
    SignInManager<GatewayUser> signIns,
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
        var result = user is null || string.IsNullOrEmpty(Password)
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIns.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (!await users.IsInRoleAsync(user!, Roles.Admin) && !await users.IsInRoleAsync(user!, Roles.Officer))
            {
                Error = T("Halaman ini untuk petugas dan administrator. Warga masuk di portal SatuPintu.",
                    "This page is for officers and administrators. Residents sign in on the SatuPintu portal.");
                return Page();
            }

            var principal = await signIns.CreateUserPrincipalAsync(user!);
            await HttpContext.SignInAsync(SignOnSchemes.StaffSession, principal);
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        Error = result.IsLockedOut
            ? T($"Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam {options.Value.Lockout.Minutes} menit.",
                $"The account is locked for a while after too many failed attempts. Try again in {options.Value.Lockout.Minutes} minutes.")
            : T("E-mail/nomor HP atau kata sandi salah.", "Wrong e-mail/mobile number or password.");
        return Page();
    }
}

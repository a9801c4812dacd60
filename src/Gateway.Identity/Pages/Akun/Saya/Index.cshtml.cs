using Gateway.Identity.Accounts;
using Gateway.Identity.Events;
using Gateway.Identity.Persistence;
using Gateway.Platform.Edge;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using static Gateway.Web.Frame.Text;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Gateway.Identity.Pages.Akun.Saya;

/// <summary>
/// The signed-in person's own page: profile, the apps they allowed (each can be withdrawn, which ends
/// that app's tokens), and signing out everywhere (every session, every token).
/// </summary>
public sealed class MyAccountModel(
    UserManager<GatewayUser> users,
    SignInManager<GatewayUser> signIns,
    IdentityStoreDbContext db,
    AccountEvents events,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    AccountSessions sessions,
    Microsoft.Extensions.Options.IOptions<EdgeOptions> edge) : PageModel
{
    public GatewayUser Account { get; private set; } = null!;
    public IList<string> Roles { get; private set; } = [];
    public List<ConnectedApp> Apps { get; } = [];
    public string? Notice { get; private set; }
    public string? ProfileError { get; private set; }

    public string MaskedNik => Nik.Masked(Account.Nik);

    public async Task<IActionResult> OnGetAsync(string? pesan)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        Notice = pesan switch
        {
            "profil" => T("Profil disimpan.", "Profile saved."),
            "dicabut" => T("Izin aplikasi dicabut.", "The app's permission was withdrawn."),
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(string? fullName)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        var name = fullName?.Trim() ?? string.Empty;
        if (name.Length is < 2 or > 200)
        {
            ProfileError = T("Isi nama lengkap sesuai KTP (2–200 karakter).", "Enter your full name as on your ID card (2–200 characters).");
            return Page();
        }

        if (name != Account.FullName)
        {
            Account.FullName = name;
            // Agencies know a citizen by a verified NIK only (they never heard of a claimed one).
            if (Account.HasVerifiedNik)
            {
                events.CitizenProfileChanged(db, Account, ["fullName"]);
            }

            // The profile and its event commit in one save; the session picks up the new name.
            await users.UpdateAsync(Account);
            await signIns.RefreshSignInAsync(Account);
        }

        return RedirectToPage(new { pesan = "profil" });
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? authorizationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        var authorization = authorizationId is null ? null : await authorizations.FindByIdAsync(authorizationId, cancellationToken);
        if (authorization is not null && await authorizations.GetSubjectAsync(authorization, cancellationToken) == Account.Id.ToString())
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
            await tokens.RevokeByAuthorizationIdAsync(authorizationId!, cancellationToken);
        }

        return RedirectToPage(new { pesan = "dicabut" });
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        await sessions.EndAllAsync(Account, cancellationToken);
        await signIns.SignOutAsync();
        await HttpContext.SignOutAsync(SignOnSchemes.Portal);
        // By the apps origin, which ends its own session there too and sends the browser back.
        return Redirect(EdgeOrigins.UrlOn(Request, edge.Value.Hosts.Apps, Sessions.AppsHandOff.LeavePath));
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        Account = user;
        Roles = await users.GetRolesAsync(user);
        await foreach (var authorization in authorizations.FindAsync(subject: user.Id.ToString(), client: null, status: Statuses.Valid, type: AuthorizationTypes.Permanent, scopes: null))
        {
            var applicationId = await authorizations.GetApplicationIdAsync(authorization);
            var application = applicationId is null ? null : await applications.FindByIdAsync(applicationId);
            Apps.Add(new ConnectedApp(
                await authorizations.GetIdAsync(authorization) ?? string.Empty,
                application is null ? "?" : await applications.GetLocalizedDisplayNameAsync(application) ?? "?",
                string.Join(", ", await authorizations.GetScopesAsync(authorization))));
        }

        return true;
    }

    public sealed record ConnectedApp(string AuthorizationId, string Name, string Scopes);
}

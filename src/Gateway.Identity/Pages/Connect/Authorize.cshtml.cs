using System.Security.Claims;
using Gateway.Identity.Accounts;
using Gateway.Identity.Server;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static Gateway.Web.Frame.Text;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Gateway.Identity.Pages.Connect;

/// <summary>
/// <c>/connect/authorize</c>: OpenIddict has validated the request (client, exact redirect URI, PKCE);
/// here we decide. Not signed in: to the sign-in page and back. A client that needs consent and has
/// none remembered: the consent page. Then the authorization code is issued. The consent form posts
/// back here with the request's parameters and an antiforgery token.
/// </summary>
public sealed class AuthorizeModel(
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    UserManager<GatewayUser> users,
    TokenClaims claims) : PageModel
{
    private static readonly string[] FormFields = ["decision", "__RequestVerificationToken"];

    public string ClientName { get; private set; } = string.Empty;
    public IReadOnlyList<string> ScopeDescriptions { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => DecideAsync(decision: null);

    public Task<IActionResult> OnPostAsync([FromForm] string? decision) => DecideAsync(decision);

    private async Task<IActionResult> DecideAsync(string? decision)
    {
        var request = HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");

        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var tooOld = request.MaxAge is { } maxAge && session.Properties?.IssuedUtc is { } issued
            && DateTimeOffset.UtcNow - issued > TimeSpan.FromSeconds(maxAge);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        if (user is null || tooOld || (request.HasPromptValue(PromptValues.Login) && decision is null))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            // Back to this request after signing in, without prompt=login (it would ask again forever).
            var parameters = RequestParameters().Where(p => p.Key != Parameters_Prompt).ToList();
            return Challenge(new AuthenticationProperties { RedirectUri = Request.PathBase + Request.Path + QueryString.Create(parameters!) },
                IdentityConstants.ApplicationScheme);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!)
            ?? throw new InvalidOperationException("OpenIddict validated an unknown client.");
        var applicationId = await applications.GetIdAsync(application);
        var remembered = await authorizations.FindAsync(
            subject: user.Id.ToString(), client: applicationId, status: Statuses.Valid, type: AuthorizationTypes.Permanent,
            scopes: request.GetScopes()).ToListAsync();
        var consentType = await applications.GetConsentTypeAsync(application);

        if (decision == "deny")
        {
            return Refuse(Errors.AccessDenied, "The user denied the request.");
        }

        var consented = decision == "accept"
            || consentType == ConsentTypes.Implicit
            || (remembered.Count > 0 && !request.HasPromptValue(PromptValues.Consent));
        if (!consented)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.ConsentRequired, "The user has not allowed this app yet.");
            }

            ClientName = await applications.GetLocalizedDisplayNameAsync(application) ?? request.ClientId!;
            ScopeDescriptions = request.GetScopes().Select(Describe).ToList();
            Parameters = RequestParameters();
            return Page();
        }

        var identity = await claims.ForUserAsync(user, request.GetScopes(),
            await Clients.ClientAudiences.ForClientAsync(applications, request.ClientId, HttpContext.RequestAborted));
        var authorization = remembered.LastOrDefault() ?? await authorizations.CreateAsync(
            identity: identity, subject: user.Id.ToString(), client: applicationId!, type: AuthorizationTypes.Permanent, scopes: identity.GetScopes());
        identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization));
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private const string Parameters_Prompt = OpenIddictConstants.Parameters.Prompt;

    private List<KeyValuePair<string, string>> RequestParameters()
    {
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> source = Request.HasFormContentType ? Request.Form : Request.Query;
        return source.Where(p => !FormFields.Contains(p.Key))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty)))
            .ToList();
    }

    private static string Describe(string scope) => scope switch
    {
        Scopes.OpenId => T("Mengetahui siapa Anda di SatuPintu", "Know who you are on SatuPintu"),
        Scopes.Profile => T("Melihat nama Anda", "See your name"),
        Scopes.Email => T("Melihat alamat e-mail Anda", "See your e-mail address"),
        Scopes.Phone => T("Melihat nomor HP Anda", "See your mobile number"),
        Scopes.Roles => T("Melihat peran Anda (warga, petugas, admin)", "See your role (resident, officer, administrator)"),
        Scopes.OfflineAccess => T("Tetap terhubung saat Anda tidak membuka aplikasi", "Stay connected while you are not using the app"),
        GatewayScopes.Nik => T("Melihat NIK Anda", "See your NIK (national identity number)"),
        _ when GatewayScopes.IsAgencyScope(scope, out var agency) => T($"Memakai layanan instansi {agency} atas nama Anda", $"Use agency {agency}'s services on your behalf"),
        _ => scope,
    };

    private ForbidResult Refuse(string error, string description) => Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}

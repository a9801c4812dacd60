using System.Security.Claims;
using System.Text.Encodings.Web;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Platform.Security;

/// <summary>Authenticates Diskominfo administrators by the <c>X-Admin-Key</c> header (interim, until single sign-on).</summary>
internal sealed class AdminKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminKeyStore store) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminKey";

    private static readonly BilingualText SendTheKey = new(
        "Kirim kunci admin pada header X-Admin-Key.",
        "Send the admin key in the X-Admin-Key header.");

    private static readonly BilingualText WrongKey = new(
        "Kunci admin pada header X-Admin-Key salah.",
        "The admin key in the X-Admin-Key header is wrong.");

    private static readonly BilingualText SignInNotAvailable = new(
        "Layanan ini hanya untuk pengguna yang masuk (single sign-on), yang belum diaktifkan di gateway ini.",
        "This service is for signed-in users only (single sign-on), which is not enabled on this gateway yet.");

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AdminKeyOptions.HeaderName, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!store.Matches(values.ToString()))
        {
            return Task.FromResult(AuthenticateResult.Fail("The admin key is wrong."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "admin-key"), new Claim(ClaimTypes.Role, Roles.Admin)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        BilingualText detail;
        if (!Request.Path.StartsWithSegments("/api/admin"))
        {
            detail = SignInNotAvailable;
        }
        else
        {
            detail = Request.Headers.ContainsKey(AdminKeyOptions.HeaderName) ? WrongKey : SendTheKey;
        }

        Response.Headers.WWWAuthenticate = "AdminKey realm=\"SatuPintu\"";
        await Problems.Problems.WriteAsync(Context, () => Problems.Problems.Create(ProblemKind.Unauthorized, detail));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Problems.WriteAsync(Context, () => Problems.Problems.Create(ProblemKind.Forbidden));
}

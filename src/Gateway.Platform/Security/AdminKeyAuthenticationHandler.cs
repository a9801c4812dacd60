using System.Security.Claims;
using System.Text.Encodings.Web;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Platform.Security;

/// <summary>
/// Authenticates the bootstrap administrator by the <c>X-Admin-Key</c> header, from loopback only: enough
/// to register the first clients and accounts, or to get back in when single sign-on is broken.
/// Challenges and refusals are answered by <see cref="GatewayAuthorizationResults"/> (in the words of <see cref="AccessRefusals"/>).
/// </summary>
internal sealed class AdminKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminKeyStore store) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = AdminKeyOptions.SchemeName;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AdminKeyOptions.HeaderName, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!store.Enabled)
        {
            return Task.FromResult(AuthenticateResult.Fail("The admin key is turned off (Admin:KeyEnabled)."));
        }

        if (!store.Matches(values.ToString()))
        {
            return Task.FromResult(AuthenticateResult.Fail("The admin key is wrong."));
        }

        // Bootstrap and break-glass only: on the server itself (or through kubectl port-forward/exec),
        // judged by the socket, never by what a proxy in front says. People administer through single
        // sign-on with the admin role.
        if (!Gateway.Platform.Edge.EdgeConnection.IsDirectFromLoopback(Context))
        {
            return Task.FromResult(AuthenticateResult.Fail("The admin key is accepted from loopback connections only, not through a proxy."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "admin-key"), new Claim(ClaimTypes.Role, Roles.Admin)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Gateway.Platform.Security;

/// <summary>
/// Finds who calls a protected agency route, for the proxy's own access step (the identity module
/// implements it). A request with a bearer token is its token's caller, whatever else it carries; one
/// without is the apps origin's own cookie where the route lets people in. It replaces the
/// authorization middleware on the proxy path: that path runs for every proxied request, and the
/// middleware's scheme and policy machinery cost more than the check itself.
/// </summary>
public interface IProxyCallerAuthenticator
{
    /// <param name="context">The proxied request.</param>
    /// <param name="appsSessionAccepted">Whether the apps origin's cookie counts (routes for people), or only a token (routes for apps).</param>
    ValueTask<AuthenticateResult> AuthenticateAsync(HttpContext context, bool appsSessionAccepted);
}

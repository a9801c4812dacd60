using Gateway.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Gateway.Identity.Server;

/// <summary>
/// Who calls a protected agency route. A token seen before (the usual case: an app sends the same token
/// for minutes) is answered by <see cref="ValidatedTokens"/> (a lookup and the revocation check), with no
/// authentication handler created for the request; a new token goes through the bearer scheme (OpenIddict
/// validates it, and it is kept), and a request without a token through the apps origin's cookie scheme.
/// </summary>
internal sealed class ProxyCallers(ValidatedTokens validated) : IProxyCallerAuthenticator
{
    public ValueTask<AuthenticateResult> AuthenticateAsync(HttpContext context, bool appsSessionAccepted)
    {
        if (BearerToken.HeaderOf(context.Request) is not { } authorization)
        {
            return appsSessionAccepted
                ? new ValueTask<AuthenticateResult>(context.AuthenticateAsync(SignOnSchemes.AppsSession))
                : ValueTask.FromResult(AuthenticateResult.NoResult());
        }

        return validated.TryAuthenticateKnown(authorization, out var known)
            ? known
            : new ValueTask<AuthenticateResult>(context.AuthenticateAsync(SignOnSchemes.Bearer));
    }
}

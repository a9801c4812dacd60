using Gateway.Identity.Accounts;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Gateway.Identity.Server;

/// <summary>
/// Who calls a protected agency route. A token seen before (the usual case: an app sends the same token
/// for minutes) is a cache lookup and a revocation check, with no authentication handler created for the
/// request; a new token goes through the bearer scheme (OpenIddict validates it, and it is kept), and a
/// request without a token through the apps origin's cookie scheme.
/// </summary>
internal sealed class ProxyCallers(ValidatedTokens validated, StaffAccounts staff, TimeProvider time) : IProxyCallerAuthenticator
{
    public ValueTask<AuthenticateResult> AuthenticateAsync(HttpContext context, bool appsSessionAccepted)
    {
        if (BearerToken.HeaderOf(context.Request) is not { } authorization)
        {
            return appsSessionAccepted
                ? new ValueTask<AuthenticateResult>(context.AuthenticateAsync(SignOnSchemes.AppsSession))
                : ValueTask.FromResult(AuthenticateResult.NoResult());
        }

        if (validated.TryGetCurrent(authorization, time.GetUtcNow()) is not { } known)
        {
            return new ValueTask<AuthenticateResult>(context.AuthenticateAsync(SignOnSchemes.Bearer));
        }

        var stillValid = staff.StillValidAsync(known.Principal);
        return stillValid.IsCompletedSuccessfully
            ? ValueTask.FromResult(stillValid.Result ? AuthenticateResult.Success(known) : CachedBearerHandler.Revoked)
            : AfterLookUpAsync(stillValid, known);
    }

    private static async ValueTask<AuthenticateResult> AfterLookUpAsync(ValueTask<bool> stillValid, AuthenticationTicket known) =>
        await stillValid ? AuthenticateResult.Success(known) : CachedBearerHandler.Revoked;
}

using Gateway.Identity.Accounts;
using Gateway.Identity.Persistence;
using Gateway.Platform.Audit;
using Gateway.Platform.Edge.RateLimits;
using Gateway.Platform.Security;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Gateway.Identity.Server;

/// <summary>
/// The protocol decisions of <c>/connect/token</c> that OpenIddict leaves to us (it has already checked
/// the client, the code or refresh token, PKCE and permissions): who the tokens are for now.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> ExchangeAsync(
        HttpContext context,
        IOpenIddictApplicationManager applications,
        UserManager<GatewayUser> users,
        SignInManager<GatewayUser> signIns,
        TokenClaims claims,
        IdentityStoreDbContext db,
        AuditTrail audit,
        Throttle throttle,
        IOptions<RateLimitOptions> limits)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");

        // Per client app, whatever address it calls from (the address limit is the endpoint's policy).
        if (request.ClientId is { } clientId && !throttle.TryAcquire(limits.Value.TokenPerClient, "token:" + clientId, out var retryAfter))
        {
            return TooManyRequests.Result(context, retryAfter);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("OpenIddict validated an unknown client.");
            var identity = TokenClaims.ForClient(request.ClientId!, await applications.GetDisplayNameAsync(application), request.GetScopes(),
                await Clients.ClientAudiences.ForClientAsync(applications, request.ClientId, context.RequestAborted));
            return Results.SignIn(new(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = result.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;

            // The account may have been locked or deleted since the code or refresh token was issued.
            if (user is null || !await signIns.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "The account can no longer sign in.");
            }

            // Claims are rebuilt from the account, so a changed name or role shows in the next token.
            var identity = await claims.ForUserAsync(user, result.Principal!.GetScopes(),
                await Clients.ClientAudiences.ForClientAsync(applications, request.ClientId, context.RequestAborted));
            identity.SetAuthorizationId(result.Principal!.GetAuthorizationId());
            await RecordNikSentAsync(identity, user, request.ClientId!, db, audit, context.RequestAborted);
            return Results.SignIn(new(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    /// <summary>
    /// A token carrying the NIK (the <c>nik</c> scope, a verified NIK) hands it to the client app: the resident's
    /// record says which app received it and when. One record per token issued (a sign-in or a refresh).
    /// </summary>
    private static async Task RecordNikSentAsync(
        System.Security.Claims.ClaimsIdentity identity, GatewayUser user, string clientId, IdentityStoreDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!identity.HasClaim(c => c.Type == GatewayClaims.Nik) || !identity.HasScope(GatewayScopes.Nik))
        {
            return;
        }

        audit.Record(db, new AuditEntry("identity.token.nik-issued", "client", clientId, AuditSummary.Facts(new { scopes = identity.GetScopes() }))
        {
            DataSubject = user.Id.ToString(),
            Recipient = clientId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

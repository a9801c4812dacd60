using System.Text.Encodings.Web;
using Gateway.Platform.Routing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace Gateway.Identity.Server;

/// <summary>
/// The bearer scheme the proxy and the gateway's APIs use. The first request with a token has OpenIddict
/// validate it fully (signature, issuer, audience, lifetime); the resulting identity is then kept until
/// the token expires (at most five minutes), so the next thousand requests with the same token cost a
/// dictionary lookup instead of a signature check. A token that fails validation is never kept.
/// </summary>
internal sealed class CachedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ValidatedTokens validated,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan KeptAtMost = TimeSpan.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.HeaderOf(Request) is not { } authorization)
        {
            return AuthenticateResult.NoResult();
        }

        if (validated.TryAuthenticateKnown(authorization, out var known))
        {
            return await known;
        }

        // Proxied requests skip the authentication middleware, which is what normally lets OpenIddict's
        // validation set up its per-request state; on a cache miss we let it do so here.
        if (PassThroughEndpoint.IsPassThrough(Context)
            && await Context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>()
                .GetHandlerAsync(Context, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme) is IAuthenticationRequestHandler validation)
        {
            await validation.HandleRequestAsync();
        }

        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            return result.None ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(result.Failure ?? new InvalidOperationException("invalid token"));
        }

        var now = time.GetUtcNow();
        var expires = result.Principal.GetExpirationDate() ?? now.Add(KeptAtMost);
        var properties = new AuthenticationProperties { ExpiresUtc = expires };
        var ticket = new AuthenticationTicket(result.Principal, properties, Scheme.Name);
        var keep = expires - now;
        if (keep > TimeSpan.Zero)
        {
            validated.Keep(authorization, ticket, keep < KeptAtMost ? keep : KeptAtMost);
        }

        return await validated.AnswerAsync(ticket);
    }
}

/// <summary>
/// Identities of recently validated access tokens (bounded), keyed by the request's whole Authorization
/// header: the string the server already holds, so a lookup copies nothing (a token is a kilobyte).
/// </summary>
internal sealed class ValidatedTokens(Accounts.StaffAccounts staff, TimeProvider time) : IDisposable
{
    /// <summary>A staff token whose account was disabled or signed out everywhere since it was issued.</summary>
    private static readonly AuthenticateResult Revoked = AuthenticateResult.Fail("The account behind this token was disabled or signed out.");

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>
    /// For a token validated before and not expired yet, its answer (the kept identity, or refused when the
    /// staff account behind it was disabled or signed out since); false if the token must be validated.
    /// </summary>
    public bool TryAuthenticateKnown(string authorization, out ValueTask<AuthenticateResult> answer)
    {
        if (_cache.TryGetValue(authorization, out Known? known) && known!.Expires > time.GetUtcNow())
        {
            answer = AnswerAsync(known.Ticket);
            return true;
        }

        answer = default;
        return false;
    }

    /// <summary>A validated token's identity, unless the staff account behind it was disabled or signed out (a lookup, usually without waiting).</summary>
    public ValueTask<AuthenticateResult> AnswerAsync(AuthenticationTicket ticket)
    {
        var stillValid = staff.StillValidAsync(ticket.Principal);
        return stillValid.IsCompletedSuccessfully
            ? ValueTask.FromResult(stillValid.Result ? AuthenticateResult.Success(ticket) : Revoked)
            : AfterLookUpAsync(stillValid, ticket);
    }

    public void Keep(string authorization, AuthenticationTicket ticket, TimeSpan howLong) =>
        _cache.Set(authorization, new Known(ticket, ticket.Properties.ExpiresUtc ?? DateTimeOffset.MinValue),
            new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = howLong, Size = 1 });

    public void Dispose() => _cache.Dispose();

    private static async ValueTask<AuthenticateResult> AfterLookUpAsync(ValueTask<bool> stillValid, AuthenticationTicket ticket) =>
        await stillValid ? AuthenticateResult.Success(ticket) : Revoked;

    // The expiry kept beside the ticket: AuthenticationProperties parses its date from a string on every read.
    private sealed record Known(AuthenticationTicket Ticket, DateTimeOffset Expires);
}

/// <summary>The <c>Authorization</c> header of a request that carries a bearer token, if it carries one.</summary>
internal static class BearerToken
{
    public static string? HeaderOf(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header : null;
    }
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Gateway.Identity.Server;

/// <summary>
/// Signs the identity token the proxy forwards to agency apps, with the same key as the gateway's ID
/// tokens (so the JWKS verifies it). Signing is the expensive part of a proxied request, so a token is
/// re-used for the same claims and agency until 30 seconds before it expires.
/// </summary>
internal sealed class ForwardedIdentityIssuer(
    IOptionsMonitor<OpenIddictServerOptions> server,
    IOptions<SignOnOptions> options,
    IOptions<Gateway.Platform.Edge.EdgeOptions> edge,
    Gateway.Identity.DataAccess.ForwardedDataLedger ledger,
    TimeProvider time) : IForwardedIdentityIssuer, IDisposable
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(30);
    private static readonly JsonWebTokenHandler Handler = new();

    private readonly MemoryCache _tokens = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    // A bearer token's identity is one object re-used for its lifetime (CachedBearerHandler): its
    // forwarded tokens hang off it, found without even building the claims.
    private readonly ConditionalWeakTable<ClaimsIdentity, ConcurrentDictionary<(string Issuer, string Agency), (string Token, DateTime RenewAt, bool Nik)>> _byIdentity = new();
    private readonly ForwardedIdentityOptions _options = options.Value.ForwardedIdentity;
    private readonly string? _configuredIssuer = string.IsNullOrEmpty(options.Value.Issuer) ? null : options.Value.Issuer;
    private readonly string _portalHost = edge.Value.Hosts.Portal;

    public string? Issue(HttpContext context, ClaimsPrincipal user, string agencyCode, string service)
    {
        var subject = user.FindFirst(Claims.Subject)?.Value;
        if (subject is null)
        {
            return null;
        }

        // Without a configured issuer (a developer machine) it is the portal origin, as for every token.
        var issuer = _configuredIssuer ?? Gateway.Platform.Edge.EdgeOrigins.UrlOn(context.Request, _portalHost, context.Request.PathBase + "/");
        var now = time.GetUtcNow().UtcDateTime;
        var perPrincipal = _byIdentity.GetOrCreateValue(user.Identities.FirstOrDefault(i => i.IsAuthenticated) ?? user.Identities.First());
        var principalKey = (issuer, agencyCode);
        if (perPrincipal.TryGetValue(principalKey, out var known) && known.RenewAt > now)
        {
            ledger.Note(subject, agencyCode, service, known.Nik);
            return known.Token;
        }

        var claims = ClaimsFor(user, agencyCode);
        var nik = claims.ContainsKey(GatewayClaims.Nik);
        ledger.Note(subject, agencyCode, service, nik);
        var key = CacheKey(issuer, agencyCode, claims);
        var lifetime = TimeSpan.FromSeconds(_options.LifetimeSeconds);
        if (_tokens.TryGetValue(key, out (string Token, DateTime RenewAt) cached))
        {
            perPrincipal[principalKey] = (cached.Token, cached.RenewAt, nik);
            return cached.Token;
        }

        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = agencyCode,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            TokenType = ForwardedIdentity.TokenType,
            SigningCredentials = server.CurrentValue.SigningCredentials[0],
        });
        var entry = (token, now + lifetime - RenewBefore);
        _tokens.Set(key, entry, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime - RenewBefore, Size = 1 });
        perPrincipal[principalKey] = (token, entry.Item2, nik);
        return token;
    }

    /// <summary>Who, in which role, for which agency; the NIK only for agencies configured to see it.</summary>
    private Dictionary<string, object> ClaimsFor(ClaimsPrincipal user, string agencyCode)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [Claims.Subject] = user.FindFirst(Claims.Subject)!.Value,
        };
        if (user.FindFirst(Claims.Name)?.Value is { } name)
        {
            claims[Claims.Name] = name;
        }

        var roles = user.FindAll(Claims.Role).Select(r => r.Value).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (roles.Length > 0)
        {
            claims[Claims.Role] = roles;
        }

        if (user.FindFirst(GatewayClaims.Agency)?.Value is { } agency)
        {
            claims[GatewayClaims.Agency] = agency;
        }

        if (user.FindFirst(Claims.Private.Scope) is not null || user.FindFirst(Claims.Scope) is not null)
        {
            var scopes = user.FindAll(Claims.Private.Scope).Select(c => c.Value)
                .Concat(user.FindAll(Claims.Scope).SelectMany(c => c.Value.Split(' ')))
                .Distinct().Order(StringComparer.Ordinal);
            claims[Claims.Scope] = string.Join(' ', scopes);
        }

        // A NIK claim exists only once the NIK is verified: a claimed NIK never reaches an agency.
        if (_options.AgenciesSeeingNik.Contains(agencyCode, StringComparer.Ordinal) && NikAssurance.IsVerified(user)
            && user.FindFirst(GatewayClaims.Nik)?.Value is { } nik)
        {
            claims[GatewayClaims.Nik] = nik;
        }

        if (user.FindFirst(GatewayClaims.NikAssurance)?.Value is { } assurance)
        {
            claims[GatewayClaims.NikAssurance] = assurance;
        }

        return claims;
    }

    private static string CacheKey(string issuer, string agencyCode, Dictionary<string, object> claims)
    {
        var key = new StringBuilder(issuer).Append('|').Append(agencyCode);
        foreach (var (type, value) in claims.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            key.Append('|').Append(type).Append('=').Append(value is string[] values ? string.Join(',', values) : value);
        }

        return key.ToString();
    }

    public void Dispose() => _tokens.Dispose();
}

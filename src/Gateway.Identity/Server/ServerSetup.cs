using Gateway.Identity.Persistence;
using Gateway.Platform.Edge;
using Gateway.Platform.Storage;
using Microsoft.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Gateway.Identity.Server;

/// <summary>
/// OpenIddict as the city's OpenID Connect provider: endpoints, flows, lifetimes, keys, and the
/// validation the gateway itself uses for bearer tokens (local, no HTTP round trip, no database).
/// </summary>
internal static class ServerSetup
{
    public static void AddOpenIdConnectServer(this IServiceCollection services, SignOnOptions options, EdgeOptions edge)
    {
        services.AddSingleton(sp => KeyRing.Load(
            sp.GetRequiredService<IOptions<SignOnOptions>>().Value.Keys,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataDirectory(sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));

        services.AddSingleton<VerifiedClientSecrets>();
        services.AddSingleton<ValidatedTokens>();
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CachedBearerHandler>(Platform.Security.SignOnSchemes.Bearer, null)
            // "A bearer token, or else this cookie": the bearer handler itself, forwarding to the cookie when the
            // request has no token. (A policy scheme would put a second handler on every proxied request.)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CachedBearerHandler>(Platform.Security.SignOnSchemes.BearerOrSession,
                o => o.ForwardDefaultSelector = CookieUnlessBearer(Platform.Security.SignOnSchemes.Session))
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CachedBearerHandler>(Platform.Security.SignOnSchemes.BearerOrStaffSession,
                o => o.ForwardDefaultSelector = CookieUnlessBearer(Platform.Security.SignOnSchemes.StaffSession));
        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<IdentityStoreDbContext>().ReplaceDefaultEntities<Guid>();
                core.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication<Guid>, GatewayApplicationManager>();
            })
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetEndSessionEndpointUris("connect/endsession");

                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                server.RequireProofKeyForCodeExchange();
                server.RegisterScopes([.. GatewayScopes.Standard]);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.EmailVerified, Claims.PhoneNumber,
                    Claims.PhoneNumberVerified, Claims.Locale, Claims.Role, Platform.Security.GatewayClaims.Agency, Platform.Security.GatewayClaims.Nik,
                    Platform.Security.GatewayClaims.NikAssurance);

                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(options.AccessTokenMinutes))
                    .SetIdentityTokenLifetime(TimeSpan.FromMinutes(options.IdentityTokenMinutes))
                    .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(options.AuthorizationCodeMinutes))
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(options.RefreshTokenDays))
                    .SetRefreshTokenReuseLeeway(TimeSpan.FromSeconds(options.RefreshTokenReuseLeewaySeconds));

                // Access tokens are signed, not encrypted: the proxy checks them on every request and
                // a signature check is the cheap part. They carry no more than who and which role.
                server.DisableAccessTokenEncryption();
                if (!string.IsNullOrEmpty(options.Issuer))
                {
                    server.SetIssuer(new Uri(options.Issuer));
                }

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (edge.AllowHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }

                // The OpenID Connect server answers on the portal origin only: on the apps origin an agency
                // app's page could otherwise use it, and discovery there would name the wrong issuer.
                server.AddEventHandler<OpenIddictServerEvents.ProcessRequestContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        if (!EdgeOrigins.IsOn(context.Transaction.GetHttpRequest()!, edge.Hosts.Portal))
                        {
                            context.SkipRequest();
                        }

                        return default;
                    })
                    .SetOrder(int.MinValue));
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(GatewayScopes.GatewayAudience);
                validation.UseAspNetCore();
                if (string.IsNullOrEmpty(options.Issuer))
                {
                    // No configured issuer (a developer machine): tokens name the portal origin they were
                    // issued on, so a token checked on the apps or administration origin is checked
                    // against the portal's address, not the address it happens to arrive at.
                    validation.AddEventHandler<OpenIddict.Validation.OpenIddictValidationEvents.ProcessRequestContext>(handler => handler
                        .UseInlineHandler(context =>
                        {
                            if (context.BaseUri is { } baseUri)
                            {
                                context.BaseUri = OnPortal(baseUri, edge.Hosts.Portal);
                            }

                            return default;
                        })
                        .SetOrder(OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreHandlers.ResolveRequestUri.Descriptor.Order + 1_000));
                }
            });

        // Only S256: a "plain" challenge is the verifier itself and protects nothing.
        services.AddOptions<OpenIddictServerOptions>().Configure<KeyRing>((server, keys) =>
        {
            server.CodeChallengeMethods.Clear();
            server.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
            foreach (var key in keys.Signing)
            {
                server.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
            }

            foreach (var key in keys.Encryption)
            {
                server.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
            }
        });
    }

    /// <summary>The cookie scheme for a request without a bearer token; null (the handler itself) for one with.</summary>
    private static Func<Microsoft.AspNetCore.Http.HttpContext, string?> CookieUnlessBearer(string cookieScheme) => context =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? null
            : cookieScheme;

    /// <summary><paramref name="baseUri"/> with the portal's host name (and its port, when the portal's host name names one).</summary>
    internal static Uri OnPortal(Uri baseUri, string portalHost)
    {
        var parts = portalHost.Split(':', 2);
        var builder = new UriBuilder(baseUri) { Host = parts[0] };
        if (parts.Length == 2 && int.TryParse(parts[1], out var port))
        {
            builder.Port = port;
        }

        return builder.Uri;
    }
}

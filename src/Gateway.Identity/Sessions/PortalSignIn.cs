using System.Security.Claims;
using Gateway.Platform.Edge;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Gateway.Web.Frame;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using static OpenIddict.Abstractions.OpenIddictConstants;
using OpenIddictScopes = OpenIddict.Abstractions.OpenIddictConstants.Scopes;

namespace Gateway.Identity.Sessions;

/// <summary>
/// Portal Warga signs in through SatuPintu like any other client app: as the <c>portal-warga</c> client,
/// with the authorization-code flow and PKCE, by ASP.NET Core's OpenID Connect handler. The handler is
/// given its configuration rather than fetching discovery from its own server, and redeems the code at
/// the gateway's own address (<see cref="PortalTokenCall"/>), so nothing depends on the gateway reaching
/// its public name. Who signed in is kept in the portal's cookie, which follows the sign-on session it
/// came from: signed out, locked, or "signed out everywhere" there, and the portal forgets them too.
/// </summary>
internal static partial class PortalSignIn
{
    public const string ClientId = "portal-warga";

    /// <summary>Where the code comes back (registered as the client's redirect URI on the portal origin).</summary>
    public const string CallbackPath = "/portal/callback";

    /// <summary>The identity token carries what the portal shows and files with: who, role, contact, NIK once verified.</summary>
    public static readonly string[] Scopes =
        [OpenIddictScopes.OpenId, OpenIddictScopes.Profile, OpenIddictScopes.Email, OpenIddictScopes.Phone, OpenIddictScopes.Roles, Server.GatewayScopes.Nik];

    // Claims the sign-on session may change while the portal's session lasts (a NIK verified, a role
    // granted): when they differ, the portal signs in again to get them in a fresh identity token.
    private static readonly string[] FollowedClaims = [Claims.Subject, Claims.Role, GatewayClaims.Nik, GatewayClaims.NikAssurance];

    private static readonly BilingualText Unfinished = new(
        "Masuk ke Portal Warga tidak selesai. Buka lagi halaman yang Anda tuju.",
        "Signing in to Portal Warga did not finish. Open the page you wanted again.");

    public static void AddPortalSignIn(this IServiceCollection services, SignOnOptions options, EdgeOptions edge)
    {
        services.AddSingleton<PortalTokenCall>();
        services.AddHttpClient(PortalTokenCall.ClientName);
        services.AddSingleton<PortalClientRegistration>();
        services.AddHostedService(sp => sp.GetRequiredService<PortalClientRegistration>());
        services.AddAuthentication()
            .AddCookie(SignOnSchemes.Portal, cookie =>
            {
                GatewayCookies.Apply(cookie.Cookie, GatewayCookies.Portal, edge);
                cookie.ForwardChallenge = SignOnSchemes.PortalSignIn;
                cookie.AccessDeniedPath = "/akun/ditolak";
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionMinutes);
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = FollowSignOnSessionAsync;
            })
            .AddOpenIdConnect(SignOnSchemes.PortalSignIn, oidc =>
            {
                oidc.ClientId = ClientId;
                oidc.SignInScheme = SignOnSchemes.Portal;
                oidc.CallbackPath = CallbackPath;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                // Query, not form_post: the answer comes from the same origin, and a page of ours stays script-free.
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.UsePkce = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.SaveTokens = false; // the portal calls no API with them: its pages run in the gateway
                oidc.TokenValidationParameters.NameClaimType = Claims.Name;
                oidc.TokenValidationParameters.RoleClaimType = Claims.Role;
                // The issuer is checked in OnTokenValidated, against the origin this sign-in runs on.
                oidc.TokenValidationParameters.ValidateIssuer = false;
                oidc.Scope.Clear();
                foreach (var scope in Scopes)
                {
                    oidc.Scope.Add(scope);
                }

                GatewayCookies.Apply(oidc.CorrelationCookie, GatewayCookies.PortalSignIn + ".c.", edge);
                GatewayCookies.Apply(oidc.NonceCookie, GatewayCookies.PortalSignIn + ".n.", edge);
                oidc.Events = new OpenIdConnectEvents
                {
                    OnRedirectToIdentityProvider = context =>
                    {
                        context.ProtocolMessage.IssuerAddress = $"{context.Request.Scheme}://{context.Request.Host}/connect/authorize";
                        return Task.CompletedTask;
                    },
                    OnAuthorizationCodeReceived = async context =>
                    {
                        var tokens = context.HttpContext.RequestServices.GetRequiredService<PortalTokenCall>();
                        var answer = await tokens.RedeemAsync(context.Request, context.TokenEndpointRequest!, context.HttpContext.RequestAborted);
                        if (answer.Error is { } error)
                        {
                            context.Fail($"The token endpoint refused the portal's code: {error}");
                            return;
                        }

                        context.HandleCodeRedemption(answer);
                    },
                    OnTokenValidated = context =>
                    {
                        var issuer = context.Principal?.FindFirstValue(Claims.Issuer);
                        if (!string.Equals(issuer, ExpectedIssuer(context.Request, options), StringComparison.Ordinal))
                        {
                            context.Fail($"The identity token names issuer '{issuer}', not this gateway's.");
                        }

                        return Task.CompletedTask;
                    },
                    OnRemoteFailure = async context =>
                    {
                        LogUnfinished(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalSignIn)),
                            context.Failure?.Message);
                        context.HandleResponse();
                        await Problems.WriteAsync(context.HttpContext, () => Problems.Create(ProblemKind.Unauthorized, Unfinished));
                    },
                };
            });
        services.AddOptions<OpenIdConnectOptions>(SignOnSchemes.PortalSignIn).Configure<Server.KeyRing>((oidc, keys) =>
        {
            // The server's own signing keys: the same process signs and checks, no discovery document needed.
            var configuration = new OpenIdConnectConfiguration { AuthorizationEndpoint = "/connect/authorize" };
            foreach (var key in keys.Signing)
            {
                configuration.SigningKeys.Add(key);
            }

            oidc.Configuration = configuration;
        });
    }

    /// <summary><c>/portal/masuk?kembali=/permohonan</c>: signs in to the portal, then back to a portal path.</summary>
    public static void MapPortalSignIn(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPortal().MapGet(SignInPaths.PortalWarga, (string? kembali) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LanguageSwitch.IsLocal(kembali) ? kembali : "/" }, [SignOnSchemes.PortalSignIn]))
            .ExcludeFromDescription();

    /// <summary>The configured issuer, or (a developer machine) the portal origin the sign-in runs on, as OpenIddict names it.</summary>
    private static string ExpectedIssuer(HttpRequest request, SignOnOptions options) =>
        string.IsNullOrEmpty(options.Issuer)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}/"
            : new Uri(options.Issuer).AbsoluteUri;

    /// <summary>The portal's session ends with the sign-on session, and starts over when the account's claims moved on.</summary>
    private static async Task FollowSignOnSessionAsync(CookieValidatePrincipalContext context)
    {
        var signOn = await context.HttpContext.AuthenticateAsync(SignOnSchemes.Session);
        if (signOn.Succeeded && context.Principal is { } portal
            && FollowedClaims.All(type => SameValues(portal, signOn.Principal, type)))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(SignOnSchemes.Portal);
    }

    private static bool SameValues(ClaimsPrincipal portal, ClaimsPrincipal signOn, string type) =>
        portal.FindAll(type).Select(c => c.Value).Order(StringComparer.Ordinal)
            .SequenceEqual(signOn.FindAll(type).Select(c => c.Value).Order(StringComparer.Ordinal), StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A portal sign-in did not finish: {Reason}")]
    private static partial void LogUnfinished(ILogger logger, string? reason);
}

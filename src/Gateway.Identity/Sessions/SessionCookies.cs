using Gateway.Platform.Edge;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Identity.Sessions;

/// <summary>
/// One sign-in cookie per origin, each host-only (behind HTTPS with the <c>__Host-</c> prefix and
/// <c>Secure</c>): the portal's session, the apps origin's (for protected agency apps in a browser) and
/// the staff cookie of the administration origin (SameSite=Strict). Every other cookie of the pages is
/// named here too, so the proxy recognises all of them (<see cref="GatewayCookies"/>).
/// </summary>
internal static class SessionCookies
{
    public static void AddOriginCookies(this IServiceCollection services, SignOnOptions options, EdgeOptions edge)
    {
        var lifetime = TimeSpan.FromMinutes(options.SessionMinutes);
        services.AddAuthentication()
            .AddIdentityCookies(cookies =>
            {
                cookies.ExternalCookie?.Configure(o => GatewayCookies.Apply(o.Cookie, GatewayCookies.External, edge));
                cookies.TwoFactorUserIdCookie?.Configure(o => GatewayCookies.Apply(o.Cookie, GatewayCookies.TwoFactor, edge, SameSiteMode.Strict));
                cookies.TwoFactorRememberMeCookie?.Configure(o => GatewayCookies.Apply(o.Cookie, GatewayCookies.TwoFactorRemember, edge, SameSiteMode.Strict));
            });
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPaths.Portal;
            cookie.LogoutPath = "/akun/keluar";
            cookie.AccessDeniedPath = "/akun/ditolak";
            GatewayCookies.Apply(cookie.Cookie, GatewayCookies.Session, edge);
            cookie.ExpireTimeSpan = lifetime;
            cookie.SlidingExpiration = true;
        });

        services.AddAuthentication()
            .AddCookie(SignOnSchemes.AppsSession, cookie =>
            {
                GatewayCookies.Apply(cookie.Cookie, GatewayCookies.Apps, edge);
                cookie.ExpireTimeSpan = lifetime;
                cookie.SlidingExpiration = true;
                // Re-read the account now and then: "sign out everywhere" and a locked account end it.
                cookie.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
            })
            .AddCookie(SignOnSchemes.StaffSession, cookie =>
            {
                GatewayCookies.Apply(cookie.Cookie, GatewayCookies.Staff, edge, SameSiteMode.Strict);
                cookie.LoginPath = SignInPaths.Staff;
                cookie.LogoutPath = "/keluar";
                cookie.AccessDeniedPath = SignInPaths.Staff;
                cookie.ExpireTimeSpan = lifetime;
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    // Every request: a disabled or signed-out staff account loses its cookie within seconds.
                    if (context.Principal is { } principal
                        && !await context.HttpContext.RequestServices.GetRequiredService<Accounts.StaffAccounts>().StillValidAsync(principal))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(SignOnSchemes.StaffSession);
                        return;
                    }

                    await SecurityStampValidator.ValidatePrincipalAsync(context);
                };
            });

        services.AddAntiforgery(o => GatewayCookies.Apply(o.Cookie, GatewayCookies.Antiforgery, edge, SameSiteMode.Strict));
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => GatewayCookies.Apply(o.Cookie, GatewayCookies.TempData, edge, SameSiteMode.Strict));
    }
}

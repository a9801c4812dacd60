using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Gateway.Demo.SignOn;

/// <summary>What a sample agency web app is called and what it asks SatuPintu for.</summary>
/// <param name="Agency">The agency whose app it is: its tokens open that agency's routes only.</param>
public sealed record SampleSignOnAppSpec(string ClientId, string Name, string CookieName, bool AsksConsent, IReadOnlyList<string> Scopes, string Agency);

/// <summary>Filled in once the gateway listens and the client is registered; the app reads it at its first sign-in.</summary>
public sealed class SignOnAppSettings
{
    public string Authority { get; set; } = string.Empty;
    public string ClientSecret { get; set; } = string.Empty;
}

/// <summary>
/// A sample agency web app that has no login of its own: it signs people in through SatuPintu with
/// ASP.NET Core's standard OpenID Connect handler, exactly as a real agency app would be configured.
/// </summary>
public static class SampleSignOnApp
{
    public static async Task<WebApplication> StartAsync(SampleSignOnAppSpec spec, SignOnAppSettings settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = spec.ClientId });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o => o.Cookie.Name = spec.CookieName)
            .AddOpenIdConnect(o =>
            {
                o.ClientId = spec.ClientId;
                o.ResponseType = OpenIdConnectResponseType.Code;
                // Query, not form_post: a cross-site POST back would lose the correlation cookie over plain HTTP.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.SaveTokens = true;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = "role";
                o.Scope.Clear();
                foreach (var scope in spec.Scopes)
                {
                    o.Scope.Add(scope);
                }

                o.CorrelationCookie.Name = spec.CookieName + ".correlation.";
                o.NonceCookie.Name = spec.CookieName + ".nonce.";
            });
        // Known only after the gateway started: read when the first sign-in builds the options.
        builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme).Configure(o =>
        {
            o.Authority = settings.Authority;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.Authority.StartsWith("https://", StringComparison.Ordinal);
        });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", (HttpContext context) => Results.Content(Home(spec, context.User), "text/html; charset=utf-8"));
        app.MapGet("/masuk", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }));
        app.MapGet("/keluar", () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static string Home(SampleSignOnAppSpec spec, ClaimsPrincipal user)
    {
        var name = HtmlEncoder.Default.Encode(spec.Name);
        if (user.Identity?.IsAuthenticated != true)
        {
            return $"<!DOCTYPE html><html lang=\"id\"><title>{name}</title><h1>{name}</h1>"
                + "<p>Aplikasi ini memakai akun SatuPintu.</p><p><a id=\"sign-in\" href=\"/masuk\">Masuk dengan SatuPintu</a></p>";
        }

        var claims = string.Join("", user.Claims
            .Where(c => c.Type is "sub" or "name" or "role" or "nik" or "agency" or "email")
            .Select(c => $"<li>{HtmlEncoder.Default.Encode(c.Type)}: <span class=\"{HtmlEncoder.Default.Encode(c.Type)}\">{HtmlEncoder.Default.Encode(c.Value)}</span></li>"));
        return $"<!DOCTYPE html><html lang=\"id\"><title>{name}</title><h1>{name}</h1>"
            + $"<p id=\"welcome\">Selamat datang, {HtmlEncoder.Default.Encode(user.Identity.Name ?? "")}</p><ul>{claims}</ul>"
            + "<p><a id=\"sign-out\" href=\"/keluar\">Keluar</a></p>";
    }
}

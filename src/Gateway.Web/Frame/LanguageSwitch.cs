using Gateway.Platform.Edge;
using Gateway.Platform.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Web.Frame;

/// <summary><c>/akun/bahasa?lang=en&amp;returnUrl=…</c>: remembers the chosen language in a cookie and goes back.</summary>
public static class LanguageSwitch
{
    public static void MapLanguageSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/akun/bahasa", (string? lang, string? returnUrl, HttpContext context, Microsoft.Extensions.Options.IOptions<EdgeOptions> edge) =>
        {
            var language = lang == Languages.English ? Languages.English : Languages.Indonesian;
            context.Response.Cookies.Append(
                GatewayCookies.Language,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                GatewayCookies.Options(edge.Value, context.Request, TimeSpan.FromDays(365)));
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : EdgeOrigins.IsOn(context.Request, edge.Value.Hosts.Portal) ? "/akun" : "/");
        }).ExcludeFromDescription();

    /// <summary>A path on this site: starts with one slash, not <c>//</c> or <c>/\</c> (which browsers treat as another host).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}

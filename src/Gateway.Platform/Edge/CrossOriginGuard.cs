using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Http;

namespace Gateway.Platform.Edge;

/// <summary>
/// Refuses a state-changing request that carries a gateway cookie but was sent by a page of another
/// origin. SameSite cookies do not stop this here: the apps origin is the same <em>site</em> as the portal
/// and the administration origin, so a script in a legacy app could otherwise post a form, a bodiless
/// POST or an upload with the person's cookies. Browsers say where a request comes from in
/// <c>Origin</c> (and <c>Sec-Fetch-Site</c>); calls without cookies (apps with bearer tokens, curl) are
/// not a browser riding a session and pass. The OpenID Connect endpoints are left to the protocol:
/// client apps on other origins post to them by design.
/// </summary>
internal static class CrossOriginGuard
{
    private static readonly BilingualText Refused = new(
        "Permintaan ini dikirim dari halaman situs lain dan ditolak. Buka halaman SatuPintu langsung, lalu coba lagi.",
        "This request was sent from another site's page and is refused. Open the SatuPintu page directly and try again.");

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || request.Path.StartsWithSegments("/connect")
            || !CarriesGatewayCookie(request)
            || IsSameOrigin(request))
        {
            await next();
            return;
        }

        await Problems.Problems.WriteAsync(context, () =>
        {
            var problem = Problems.Problems.Create(ProblemKind.Forbidden, Refused);
            problem.Extensions["reason"] = "cross-origin";
            return problem;
        });
    }

    private static bool CarriesGatewayCookie(HttpRequest request)
    {
        foreach (var cookie in request.Cookies)
        {
            if (GatewayCookies.IsGatewayCookie(cookie.Key))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        // Fetch metadata first: set by the browser, out of reach of the page's script, and present even
        // where the page's referrer policy makes Origin "null".
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 // not a browser's cross-origin request
            || string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }
}

using Gateway.Platform.Edge;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Proxy.Forwarding;

/// <summary>
/// Keeps the gateway's cookies and the agency apps' cookies apart, on every route, public ones included.
/// Requests: where an exposure forwards the client's cookies, every gateway cookie (sessions,
/// antiforgery, language — <see cref="GatewayCookies"/>) is removed first. Answers: an agency app may not
/// set a cookie with a gateway cookie's name (that would plant a session), and its cookies are confined to
/// the apps origin (a <c>Domain</c> attribute would share them with the portal and administration).
/// </summary>
internal sealed class CookieConfinement : ITransformProvider
{
    /// <summary>Route metadata present when the exposure forwards the client's cookies (minus the gateway's own).</summary>
    public const string ForwardsCookiesKey = "satupintu.forward-cookies";

    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        if (context.Route.Metadata?.ContainsKey(ForwardsCookiesKey) == true)
        {
            context.AddRequestTransform(RemoveGatewayCookies);
        }

        context.AddResponseTransform(ConfineSetCookies);
    }

    private static ValueTask RemoveGatewayCookies(RequestTransformContext transform)
    {
        var headers = transform.ProxyRequest.Headers;
        if (!headers.TryGetValues(HeaderNames.Cookie, out var values))
        {
            return ValueTask.CompletedTask;
        }

        var kept = new List<string>();
        var removed = false;
        foreach (var pair in values.SelectMany(v => v.Split(';')))
        {
            var cookie = pair.Trim();
            if (cookie.Length == 0)
            {
                continue;
            }

            var equals = cookie.IndexOf('=', StringComparison.Ordinal);
            if (GatewayCookies.IsGatewayCookie(equals < 0 ? cookie : cookie.AsSpan(0, equals)))
            {
                removed = true;
            }
            else
            {
                kept.Add(cookie);
            }
        }

        if (removed)
        {
            headers.Remove(HeaderNames.Cookie);
            if (kept.Count > 0)
            {
                headers.TryAddWithoutValidation(HeaderNames.Cookie, string.Join("; ", kept));
            }
        }

        return ValueTask.CompletedTask;
    }

    private static ValueTask ConfineSetCookies(ResponseTransformContext transform)
    {
        var response = transform.HttpContext.Response;
        var setCookies = response.Headers.SetCookie;
        if (setCookies.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var kept = new List<string>(setCookies.Count);
        foreach (var value in setCookies)
        {
            if (!SetCookieHeaderValue.TryParse(value, out var cookie) || GatewayCookies.IsGatewayCookie(cookie.Name.AsSpan()))
            {
                continue; // unreadable, or aimed at one of the gateway's cookies: dropped
            }

            if (cookie.Domain.HasValue)
            {
                cookie.Domain = null; // host-only: the apps origin, nothing else of the city's
                kept.Add(cookie.ToString());
            }
            else
            {
                kept.Add(value!);
            }
        }

        response.Headers.SetCookie = new StringValues([.. kept]);
        return ValueTask.CompletedTask;
    }
}

using System.Globalization;
using Gateway.Platform.Edge.RateLimits;
using Gateway.Web.Frame;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Identity.Pages;

/// <summary>
/// Per-account limits on the pages' attempts (sign-in, code resend, password reset): the page is shown
/// again with the wait in words, answered 429 with <c>Retry-After</c>.
/// </summary>
internal static class Attempts
{
    /// <summary>Null when the attempt may go on; otherwise the message to show (the answer is already 429).</summary>
    public static string? Refusal(PageModel page, Throttle throttle, Limit limit, string key)
    {
        if (throttle.TryAcquire(limit, key, out var retryAfter))
        {
            return null;
        }

        page.Response.StatusCode = TooManyRequests.Kind.Status;
        page.Response.Headers.RetryAfter = TooManyRequests.Seconds(retryAfter).ToString(CultureInfo.InvariantCulture);
        return Text.T(TooManyRequests.Detail(retryAfter));
    }

    /// <summary>The client address as the gateway sees it (forwarded headers applied from trusted proxies).</summary>
    public static string Address(PageModel page) => page.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

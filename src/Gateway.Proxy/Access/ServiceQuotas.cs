using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Gateway.Platform.Edge.RateLimits;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy.Access;

/// <summary>
/// A step of the proxy pipeline that holds each caller to the service's quota (catalogue: the exposure's
/// <c>quota</c>): so many requests a minute per client address and per signed-in person or client app.
/// It runs after the route access step (<see cref="RouteAccess"/>), so it knows who the caller is, and before anything is forwarded. The
/// limiters of a route are made when its configuration is first seen (not per request); a route without
/// a quota costs one dictionary lookup. Counts are per replica.
/// </summary>
internal sealed class ServiceQuotas
{
    public const string PerAddressKey = "satupintu.quota.address";
    public const string PerClientKey = "satupintu.quota.client";

    private static readonly BilingualText Exceeded = new(
        "Kuota layanan {0} untuk Anda habis untuk menit ini. Coba lagi dalam {1} detik.",
        "Your quota for service {0} is used up for this minute. Try again in {1} seconds.");

    // One entry per route configuration object: a changed route gets new limiters, an unchanged one keeps its counts.
    private readonly ConditionalWeakTable<RouteConfig, RouteQuota?> _byRoute = [];

    public Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var route = context.GetRouteModel().Config;
        var quota = _byRoute.GetValue(route, RouteQuota.Of);
        if (quota is null)
        {
            return next();
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!quota.TryAcquire(address, Caller(context), out var retryAfter))
        {
            return RefuseAsync(context, route.RouteId, retryAfter);
        }

        return next();
    }

    /// <summary>
    /// Who is calling: the person (a token on their behalf, or the apps origin's cookie) or the client app
    /// itself (client credentials: its subject is the app). Not the app a person uses: everybody using the
    /// city's portal would then share one quota. Null on a public route, where nobody signed in.
    /// </summary>
    private static string? Caller(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst("sub")?.Value : null;

    private static Task RefuseAsync(HttpContext context, string service, TimeSpan retryAfter)
    {
        var seconds = TooManyRequests.Seconds(retryAfter);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.WriteAsync(context, () =>
        {
            var problem = Problems.Create(TooManyRequests.Kind, Exceeded.With(service, seconds));
            problem.Extensions["service"] = service;
            return problem;
        });
    }

    private sealed class RouteQuota(PerMinute? perAddress, PerMinute? perClient)
    {
        public static RouteQuota? Of(RouteConfig route)
        {
            var perAddress = PerMinute.Of(route, PerAddressKey);
            var perClient = PerMinute.Of(route, PerClientKey);
            return perAddress is null && perClient is null ? null : new RouteQuota(perAddress, perClient);
        }

        public bool TryAcquire(string address, string? caller, out TimeSpan retryAfter)
        {
            retryAfter = TimeSpan.Zero;
            return (perAddress is null || perAddress.TryAcquire(address, ref retryAfter))
                && (caller is null || perClient is null || perClient.TryAcquire(caller, ref retryAfter));
        }
    }

    /// <summary>One of a route's quotas: its limit and the limiter holding each key to it.</summary>
    private sealed class PerMinute(Limit limit)
    {
        private readonly PartitionedRateLimiter<string> _limiter = limit.PerKey();

        public static PerMinute? Of(RouteConfig route, string key) =>
            route.Metadata?.TryGetValue(key, out var value) == true && int.TryParse(value, CultureInfo.InvariantCulture, out var perMinute)
                ? new PerMinute(new Limit(perMinute, 60))
                : null;

        public bool TryAcquire(string key, ref TimeSpan retryAfter)
        {
            using var lease = _limiter.AttemptAcquire(key);
            if (lease.IsAcquired)
            {
                return true;
            }

            retryAfter = limit.RetryAfter(lease);
            return false;
        }
    }
}

using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Gateway.Platform.Localization;
using Gateway.Platform.Observability;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy.Access;

/// <summary>
/// A step of the proxy pipeline that caps the requests one service has in flight (the exposure's
/// <c>maxConcurrentRequests</c>, else <see cref="ProxyOptions.MaxConcurrentRequestsPerService"/>). Past the
/// cap a caller gets a 503 problem at once instead of joining a queue behind a legacy app that is already
/// not keeping up, so one slow app cannot take the connections and memory every other service needs.
/// Counts are per replica; a changed service starts a new count (requests still in flight on the old
/// route finish outside it).
/// </summary>
internal sealed class ServiceConcurrency
{
    public const string LimitKey = "satupintu.concurrency.limit";

    private static readonly BilingualText Busy = new(
        "Layanan {0} sedang menangani terlalu banyak permintaan sekaligus. Coba lagi sebentar lagi.",
        "Service {0} is handling too many requests at once. Try again in a moment.");

    // One gate per route configuration object, made when the route is first seen (not per request).
    private readonly ConditionalWeakTable<RouteConfig, Gate> _byRoute = [];
    private readonly Counter<long> _refused;

    public ServiceConcurrency(IMeterFactory meters) =>
        _refused = meters.Create(TelemetryExtensions.GatewaySource)
            .CreateCounter<long>("satupintu.proxy.concurrency_refused", description: "Requests refused because their service had too many in flight");

    public Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var route = context.GetRouteModel().Config;
        var gate = _byRoute.GetValue(route, Gate.Of);
        if (!gate.TryEnter())
        {
            return RefuseAsync(context, route.RouteId);
        }

        return ForwardAsync(gate, next);
    }

    private static async Task ForwardAsync(Gate gate, Func<Task> next)
    {
        try
        {
            await next();
        }
        finally
        {
            gate.Leave();
        }
    }

    private Task RefuseAsync(HttpContext context, string service)
    {
        _refused.Add(1, new KeyValuePair<string, object?>("service", service));
        context.Response.Headers.RetryAfter = "1";
        return Problems.WriteAsync(context, () =>
        {
            var problem = Problems.Create(ProblemKind.ServiceUnavailable, Busy.With(service));
            problem.Extensions["service"] = service;
            return problem;
        });
    }

    private sealed class Gate(int limit)
    {
        private int _inFlight;

        public static Gate Of(RouteConfig route) =>
            route.Metadata?.TryGetValue(LimitKey, out var value) == true && int.TryParse(value, CultureInfo.InvariantCulture, out var limit)
                ? new Gate(limit)
                : new Gate(int.MaxValue);

        public bool TryEnter()
        {
            if (Interlocked.Increment(ref _inFlight) <= limit)
            {
                return true;
            }

            Interlocked.Decrement(ref _inFlight);
            return false;
        }

        public void Leave() => Interlocked.Decrement(ref _inFlight);
    }
}

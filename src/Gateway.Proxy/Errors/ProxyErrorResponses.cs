using System.Diagnostics.Metrics;
using System.Globalization;
using Gateway.Platform.Localization;
using Gateway.Platform.Observability;
using Gateway.Platform.Problems;
using Gateway.Proxy.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy.Errors;

/// <summary>
/// The first step of the proxy pipeline (which runs without status-code pages, so the agency app's
/// own error responses pass through untouched). YARP answers a failed forward with a bare status code; this
/// turns it into a problem response naming the service and carrying a trace id. Errors are counted,
/// not logged per request: a down agency app would otherwise flood the log.
/// </summary>
internal sealed class ProxyErrorResponses
{
    private static readonly BilingualText Unreachable = new(
        "Aplikasi {0} tidak dapat dihubungi. Status layanan: /api/catalogue/services/{0}",
        "The {0} application could not be reached. Service status: /api/catalogue/services/{0}");

    private static readonly BilingualText TimedOut = new(
        "Aplikasi {0} tidak menjawab dalam batas waktu layanan.",
        "The {0} application did not answer within the service's time limit.");

    private static readonly BilingualText NoDestination = new(
        "Layanan {0} sedang tidak tersedia: aplikasi dinasnya tidak lolos pemeriksaan kesehatan. Coba lagi nanti. Status layanan: /api/catalogue/services/{0}",
        "Service {0} is unavailable: its agency application is failing its health checks. Try again later. Service status: /api/catalogue/services/{0}");

    private static readonly BilingualText OutboundRefused = new(
        "Gateway tidak diizinkan menghubungi tujuan layanan {0} (kebijakan koneksi keluar, Edge:Outbound).",
        "The gateway may not connect to the destination of service {0} (outbound policy, Edge:Outbound).");

    private readonly Counter<long> _errors;

    /// <summary>When a service with no healthy destination is worth trying again: the next probe may bring one back.</summary>
    private readonly string _retryAfterDown;

    public ProxyErrorResponses(IMeterFactory meters, IOptions<HealthCheckOptions> health)
    {
        _errors = meters.Create(TelemetryExtensions.GatewaySource)
            .CreateCounter<long>("satupintu.proxy.errors", description: "Forwarding failures by service and kind");
        _retryAfterDown = health.Value.ProbeIntervalSeconds.ToString(CultureInfo.InvariantCulture);
    }

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        await next();

        if (context.GetForwarderErrorFeature() is not { } error || context.Response.HasStarted)
        {
            return;
        }

        var slug = context.GetRouteModel().Config.RouteId;
        var (kind, detail) = error.Error switch
        {
            _ when IsOutboundRefusal(error.Exception) => (ProblemKind.UpstreamUnavailable, OutboundRefused),
            ForwarderError.RequestTimedOut => (ProblemKind.UpstreamTimeout, TimedOut),
            ForwarderError.NoAvailableDestinations => (ProblemKind.ServiceUnavailable, NoDestination),
            ForwarderError.RequestCanceled => (null, default),
            _ => (ProblemKind.UpstreamUnavailable, Unreachable),
        };
        _errors.Add(1, new("service", slug), new("error", error.Error.ToString()));
        if (kind is null)
        {
            return; // the client went away; nobody to answer
        }

        if (error.Error == ForwarderError.NoAvailableDestinations)
        {
            context.Response.Headers.RetryAfter = _retryAfterDown;
        }

        await Problems.WriteAsync(context, () =>
        {
            var problem = Problems.Create(kind, detail.With(slug));
            problem.Extensions["service"] = slug;
            return problem;
        });
    }

    private static bool IsOutboundRefusal(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Gateway.Platform.Edge.Outbound.OutboundRefusedException)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Diagnostics.Metrics;
using Gateway.Platform.Localization;
using Gateway.Platform.Observability;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Http;
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
        "Tidak ada tujuan yang tersedia untuk layanan {0}.",
        "No destination is available for service {0}.");

    private static readonly BilingualText OutboundRefused = new(
        "Gateway tidak diizinkan menghubungi tujuan layanan {0} (kebijakan koneksi keluar, Edge:Outbound).",
        "The gateway may not connect to the destination of service {0} (outbound policy, Edge:Outbound).");

    private readonly Counter<long> _errors;

    public ProxyErrorResponses(IMeterFactory meters) =>
        _errors = meters.Create(TelemetryExtensions.GatewaySource)
            .CreateCounter<long>("satupintu.proxy.errors", description: "Forwarding failures by service and kind");

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

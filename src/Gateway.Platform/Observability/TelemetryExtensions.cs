using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gateway.Platform.Observability;

public static class TelemetryExtensions
{
    /// <summary>Meter and activity source names of SatuPintu's own instruments.</summary>
    public const string GatewaySource = "SatuPintu.Gateway";

    /// <summary>
    /// Traces and metrics over OTLP, switched on by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
    /// Without it nothing is collected, so the proxy path pays nothing for telemetry nobody reads.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t
                .AddSource(GatewaySource, "Yarp.ReverseProxy")
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter())
            .WithMetrics(m => m
                .AddMeter(GatewaySource)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter());
        return builder;
    }
}

using System.Net;
using Gateway.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Platform.Edge;

/// <summary>Registers the edge settings (validated at start) and what follows from them: forwarded headers, HSTS.</summary>
internal static class EdgeSetup
{
    public static void AddEdge(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeOptions>>(new EdgeOptionsValidator(builder.Environment));

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<EdgeOptions>>((forwarded, edge) =>
        {
            var trusted = edge.Value.ForwardedHeaders;
            // For and Proto only: an ingress keeps the Host header (nginx and haproxy do), and a host name
            // taken from a header could move a request from one origin to another.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = trusted.ForwardLimit;
            // Loopback stays trusted (the default): a proxy on the same machine. Everything else must be named.
            foreach (var proxy in trusted.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

        });
        services.AddSingleton<Outbound.OutboundGuard>();
        services.AddHsts(_ => { });
        services.AddOptions<HstsOptions>().Configure<IOptions<EdgeOptions>>((hsts, edge) => hsts.MaxAge = TimeSpan.FromDays(edge.Value.HstsMaxAgeDays));
    }

    public static void UseEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Services.GetRequiredService<IOptions<EdgeOptions>>().Value.AllowHttp)
        {
            app.UseHsts();
        }
    }

    private sealed class EdgeOptionsValidator(IHostEnvironment environment) : IValidateOptions<EdgeOptions>
    {
        public ValidateOptionsResult Validate(string? name, EdgeOptions options)
        {
            var failures = new List<string>();
            var hosts = new[] { options.Hosts.Portal, options.Hosts.Admin, options.Hosts.Apps };
            if (hosts.Distinct(StringComparer.OrdinalIgnoreCase).Count() != hosts.Length)
            {
                failures.Add("Edge:Hosts:Portal, Admin and Apps must be three different host names (that separation is what keeps agency apps away from sessions).");
            }

            if (hosts.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add("Edge:Hosts:Portal, Admin and Apps must all be set.");
            }

            if (options.ForwardedHeaders.ForwardLimit is < 1 or > 10)
            {
                failures.Add("Edge:ForwardedHeaders:ForwardLimit must be between 1 and 10.");
            }

            foreach (var proxy in options.ForwardedHeaders.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            {
                failures.Add($"Edge:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.");
            }

            foreach (var network in options.ForwardedHeaders.KnownNetworks
                         .Concat(options.Outbound.DeniedNetworks).Concat(options.Outbound.AllowedNetworks)
                         .Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            {
                failures.Add($"Edge: '{network}' is not a network in CIDR form (e.g. 10.0.0.0/8).");
            }

            if (!environment.IsDevelopmentLike())
            {
                if (options.AllowHttp)
                {
                    failures.Add($"Edge:AllowHttp is for a developer machine only; it is refused in the {environment.EnvironmentName} environment. Terminate TLS at the ingress and trust it in Edge:ForwardedHeaders.");
                }

                if (hosts.Any(h => h.Split(':')[0].Equals("localhost", StringComparison.OrdinalIgnoreCase)
                                   || h.Split(':')[0].EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)))
                {
                    failures.Add("Edge:Hosts:Portal, Admin and Apps must be configured with the city's host names (e.g. layanan.bandung.go.id, admin.layanan.bandung.go.id, apps.layanan.bandung.go.id).");
                }
            }

            return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
        }
    }
}

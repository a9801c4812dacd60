using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Platform.Edge;

/// <summary>
/// Puts a module's endpoints on one of the three origins (matched by host name), and builds links from
/// one origin to another. A request for an endpoint on the wrong host name finds nothing: 404.
/// </summary>
public static class EdgeOrigins
{
    /// <summary>Endpoints of the people-facing origin: pages, OpenID Connect, the public and citizen APIs.</summary>
    public static RouteGroupBuilder MapPortal(this IEndpointRouteBuilder endpoints, string prefix = "") =>
        endpoints.MapGroup(prefix).RequireHost(HostsOf(endpoints).Portal);

    /// <summary>Endpoints of the administration origin: admin and officers' APIs, staff pages, API documentation.</summary>
    public static RouteGroupBuilder MapAdministration(this IEndpointRouteBuilder endpoints, string prefix = "") =>
        endpoints.MapGroup(prefix).RequireHost(HostsOf(endpoints).Admin);

    /// <summary>The gateway's own endpoints on the apps origin (the rest of it belongs to the proxied agency apps).</summary>
    public static RouteGroupBuilder MapApps(this IEndpointRouteBuilder endpoints, string prefix = "") =>
        endpoints.MapGroup(prefix).RequireHost(HostsOf(endpoints).Apps);

    public static EdgeHostOptions HostsOf(IEndpointRouteBuilder endpoints) =>
        endpoints.ServiceProvider.GetRequiredService<IOptions<EdgeOptions>>().Value.Hosts;

    /// <summary>
    /// An absolute URL on another of the gateway's origins, with the scheme (and, when the configured host
    /// name has none, the port) this request came in with: on a developer machine every origin shares one
    /// port, behind an ingress they share 443.
    /// </summary>
    public static string UrlOn(HttpRequest request, string host, string pathAndQuery)
    {
        var authority = host.Contains(':', StringComparison.Ordinal) || request.Host.Port is not { } port
            ? host
            : $"{host}:{port}";
        return $"{request.Scheme}://{authority}{pathAndQuery}";
    }

    /// <summary>
    /// One of the origins as reached at the address Kestrel listens on (e.g. <c>http://127.0.0.1:5080</c> and
    /// <c>apps.localhost</c> give <c>http://apps.localhost:5080</c>): for the demo's banner and sample apps.
    /// </summary>
    public static string AtListeningAddress(string listeningAddress, string host)
    {
        var address = new Uri(listeningAddress.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        var authority = host.Contains(':', StringComparison.Ordinal) ? host : $"{host}:{address.Port}";
        return $"{address.Scheme}://{authority}";
    }

    /// <summary>True when the request came to the origin with host name <paramref name="host"/>.</summary>
    public static bool IsOn(HttpRequest request, string host)
    {
        var colon = host.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? string.Equals(request.Host.Host, host, StringComparison.OrdinalIgnoreCase)
            : string.Equals(request.Host.Value, host, StringComparison.OrdinalIgnoreCase);
    }
}

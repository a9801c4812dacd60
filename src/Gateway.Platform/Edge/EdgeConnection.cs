using System.Net;
using Microsoft.AspNetCore.Http;

namespace Gateway.Platform.Edge;

/// <summary>What the socket itself says about a request, whatever forwarded headers claim.</summary>
public static class EdgeConnection
{
    // Written by proxies in front (X-Forwarded-*, Forwarded), or by the forwarded-headers middleware
    // when it applied them (X-Original-*): either way the request came through a proxy.
    private static readonly string[] ForwardingHeaders =
        ["X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Prefix", "Forwarded", "X-Original-For", "X-Original-Proto", "X-Original-Host", "X-Real-IP"];

    /// <summary>
    /// The request was made on this machine and did not come through any proxy: the socket's peer is
    /// loopback and no proxy left a forwarding header. A sidecar or ingress on the same host forwards
    /// with such headers and is refused; one that forwards without them is indistinguishable, which is
    /// why the admin key can be turned off (<c>Admin:KeyEnabled</c>).
    /// </summary>
    public static bool IsDirectFromLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
        && IPAddress.IsLoopback(address)
        && !ForwardingHeaders.Any(context.Request.Headers.ContainsKey);
}

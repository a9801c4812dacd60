using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Gateway.Identity.Sessions;

/// <summary>
/// Redeems the portal's authorization code at <c>/connect/token</c> of this very gateway, over its own
/// listening address (<c>Identity:PortalTokenAddress</c> when set) instead of its public name, which a pod
/// behind an ingress often cannot reach. The call carries the browser's <c>Host</c>, scheme and address,
/// so the server answers on the portal origin, names the same issuer as for any client, and counts the
/// citizen (not loopback) against the token endpoint's rate limit. Loopback is always a trusted proxy.
/// </summary>
internal sealed class PortalTokenCall(IServer server, IHttpClientFactory clients, IOptions<SignOnOptions> options)
{
    public const string ClientName = "satupintu.portal-token";

    public async Task<OpenIdConnectMessage> RedeemAsync(HttpRequest callback, OpenIdConnectMessage tokenRequest, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(OwnAddress(), "connect/token"))
        {
            Content = new FormUrlEncodedContent(tokenRequest.Parameters),
        };
        request.Headers.Host = callback.Host.Value;
        request.Headers.Add("X-Forwarded-Proto", callback.Scheme);
        if (callback.HttpContext.Connection.RemoteIpAddress is { } address)
        {
            request.Headers.Add("X-Forwarded-For", address.ToString());
        }

        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return new OpenIdConnectMessage(body);
        }
        catch (JsonException)
        {
            return new OpenIdConnectMessage { Error = $"HTTP {(int)response.StatusCode} without a token response" };
        }
    }

    /// <summary>The configured address, else the first plain-HTTP address Kestrel listens on (a wildcard read as loopback).</summary>
    private Uri OwnAddress()
    {
        if (!string.IsNullOrEmpty(options.Value.PortalTokenAddress))
        {
            return new Uri(options.Value.PortalTokenAddress.TrimEnd('/') + "/");
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var listening = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The gateway listens on no address the portal's sign-in can reach; set Identity:PortalTokenAddress.");
        var loopback = listening
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://[::1]", StringComparison.Ordinal);
        return new Uri(loopback.TrimEnd('/') + "/");
    }
}

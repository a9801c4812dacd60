using Gateway.Adapters.Sdk.Protocol;
using Gateway.Platform.Agencies;
using Gateway.Platform.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Requests.Adapters;

/// <summary>
/// Finds the adapter that files a service's requests: the catalogue says. A service whose app is registered
/// as an adapter service (upstream authentication <c>adapter</c>) is filed there, so a new department's
/// adapter needs no change to this gateway; no adapter is compiled into it.
/// </summary>
internal sealed class AdapterConnections(
    IServiceProvider services,
    IServiceDirectory directory,
    UpstreamSecrets secrets,
    IHttpClientFactory httpClients)
{
    public const string HttpClientName = "satupintu-adapter-services";

    /// <summary>A request filed through an adapter service stores this prefix and the service's slug as its adapter name.</summary>
    public const string ServicePrefix = "service:";

    /// <summary>The adapter name a new request of <paramref name="service"/> is stored with; null when no adapter files it.</summary>
    public static string? NameFor(ServiceEntry service) => service.Adapter is not null ? ServicePrefix + service.Slug : null;

    private static SignedCall Signed(AdapterCallToken token) => new(token.Token, token.Nonce);

    /// <summary>
    /// The connection for a stored adapter name; null when that adapter is gone (the service left the
    /// catalogue or is no longer an adapter's) — or the name is one an older gateway stored for an adapter
    /// compiled into it, which this one no longer has.
    /// </summary>
    public IAdapterConnection? For(string adapterName) =>
        adapterName.StartsWith(ServicePrefix, StringComparison.Ordinal) && ClientFor(adapterName[ServicePrefix.Length..]) is { } client
            ? new RemoteAdapterConnection(client)
            : null;

    /// <summary>A client for the adapter service behind catalogue service <paramref name="slug"/>; null when it is not one.</summary>
    public AdapterServiceClient? ClientFor(string slug)
    {
        if (directory.Find(slug) is not { Adapter: { } endpoint } service
            || services.GetService<IAdapterCallSigner>() is not { } signer)
        {
            return null;
        }

        return new AdapterServiceClient(httpClients.CreateClient(HttpClientName), endpoint.Address,
            secrets.Unprotect(endpoint.ProtectedKey), service.AgencyCode, agency => Signed(signer.Sign(agency)), TimeSpan.FromSeconds(endpoint.TimeoutSeconds));
    }
}

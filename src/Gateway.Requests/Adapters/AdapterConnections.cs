using Gateway.Adapters.Sdk.Contract;
using Gateway.Adapters.Sdk.Protocol;
using Gateway.Adapters.Sdk.Registration;
using Gateway.Platform.Agencies;
using Gateway.Platform.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Requests.Adapters;

/// <summary>
/// Finds the adapter that files a service's requests. The catalogue comes first: a service whose app is
/// registered as an adapter service (upstream authentication <c>adapter</c>) is filed there, so a new
/// department's adapter needs no change to this gateway. Adapters compiled into the gateway and bound
/// by configuration (<c>Adapters:{Name}:Services</c>) serve the rest.
/// </summary>
internal sealed class AdapterConnections(
    IServiceProvider services,
    AdapterRegistry registry,
    IServiceDirectory directory,
    UpstreamSecrets secrets,
    IHttpClientFactory httpClients)
{
    public const string HttpClientName = "satupintu-adapter-services";

    /// <summary>A request filed through an adapter service stores this prefix and the service's slug as its adapter name.</summary>
    public const string ServicePrefix = "service:";

    /// <summary>The adapter name a new request of <paramref name="service"/> is stored with; null when no adapter files it.</summary>
    public string? NameFor(ServiceEntry service) =>
        service.Adapter is not null ? ServicePrefix + service.Slug : registry.NameForService(service.Slug);

    private static SignedCall Signed(AdapterCallToken token) => new(token.Token, token.Nonce);

    public static bool IsRemote(string adapterName) => adapterName.StartsWith(ServicePrefix, StringComparison.Ordinal);

    /// <summary>The connection for a stored adapter name; null when that adapter is gone (unregistered, or the service no longer an adapter's).</summary>
    public IAdapterConnection? For(string adapterName)
    {
        if (!IsRemote(adapterName))
        {
            return services.GetKeyedService<IServiceAdapter>(adapterName) is { } adapter ? new LocalAdapterConnection(adapter) : null;
        }

        return ClientFor(adapterName[ServicePrefix.Length..]) is { } client ? new RemoteAdapterConnection(client) : null;
    }

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

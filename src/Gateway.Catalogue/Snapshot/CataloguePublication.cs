using System.Runtime.CompilerServices;
using Gateway.Catalogue.Model;
using Gateway.Platform.Catalogue;

namespace Gateway.Catalogue.Snapshot;

/// <summary>
/// What the catalogue publishes of a snapshot (<see cref="PublishedCatalogue"/>): its exposed services as
/// values. A service entity is reused by the next snapshot while it is unchanged, so its published form
/// is made once per version and observers see the same instance until it changes.
/// </summary>
internal sealed class CataloguePublication
{
    private readonly ConditionalWeakTable<Service, PublishedService> _published = [];

    public PublishedCatalogue Publish(CatalogueSnapshot snapshot)
    {
        var services = new List<PublishedService>(snapshot.Services.Count);
        foreach (var service in snapshot.Services)
        {
            if (service.Exposure is not null)
            {
                services.Add(_published.GetValue(service, Describe));
            }
        }

        return new PublishedCatalogue(snapshot.Generation, services);
    }

    private static PublishedService Describe(Service service)
    {
        var e = service.Exposure!;
        var exposure = new PublishedExposure(
            e.PathPrefix, [.. e.Methods], [.. e.Destinations], e.HealthCheckPath, e.TimeoutSeconds,
            e.Access.Kind, e.Access.Scope,
            e.UpstreamAuth.Kind, e.UpstreamAuth.HeaderName, e.UpstreamAuth.Username, e.UpstreamAuth.ProtectedSecret,
            e.ForwardClientCookies, e.ForwardClientAuthorization, e.QuotaPerAddressPerMinute, e.QuotaPerClientPerMinute,
            e.MaxConcurrentRequests);
        var health = service.Health is { } h ? new ServiceHealthEntry(service.Id, service.Slug, h.State, h.Since, h.CheckedAt, h.Detail) : null;
        return new PublishedService(service.Id, service.Version, service.Slug, service.Agency!.Code,
            service.CitizenAssurance == CitizenAssurance.VerifiedNik, exposure, health);
    }
}

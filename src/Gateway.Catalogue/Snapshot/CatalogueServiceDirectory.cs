using System.Runtime.CompilerServices;
using Gateway.Catalogue.Model;
using Gateway.Platform.Agencies;
using Gateway.Platform.Forms;

namespace Gateway.Catalogue.Snapshot;

/// <summary>
/// Answers from the in-memory snapshot. A service's form is parsed once per loaded entity: the snapshot
/// reuses unchanged entities across reloads, so the cache lives exactly as long as that version.
/// </summary>
internal sealed class CatalogueServiceDirectory(CatalogueState state) : IServiceDirectory
{
    private readonly ConditionalWeakTable<Service, ServiceEntry> _entries = [];

    public ServiceEntry? Find(string slug) =>
        state.Current.BySlug.TryGetValue(slug, out var service) ? _entries.GetValue(service, Describe) : null;

    private static ServiceEntry Describe(Service service)
    {
        // The form was checked when it was saved; a form that no longer parses (a stricter gateway
        // version) takes the service out of requests rather than taking requests without checks.
        var form = service.RequestForm is { } json && FormSchema.TryParse(json, out var parsed, out _) ? parsed : null;
        return new ServiceEntry(service.Slug, service.Agency!.Code, service.Name.Id, service.Name.En,
            service.Standard.CompletionWorkingDays, form, service.CitizenAssurance == Model.CitizenAssurance.VerifiedNik, AdapterOf(service));
    }

    private static AdapterEndpoint? AdapterOf(Service service) =>
        service.Exposure is { UpstreamAuth: { Kind: Platform.Catalogue.UpstreamAuthKind.Adapter, ProtectedSecret: { } key }, Destinations: [var first, ..] } exposure
            ? new AdapterEndpoint(new Uri(first), key, exposure.TimeoutSeconds)
            : null;
}

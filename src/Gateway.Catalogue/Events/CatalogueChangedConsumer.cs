using Gateway.Catalogue.Snapshot;
using Gateway.Contracts.Events.V1;
using MassTransit;

namespace Gateway.Catalogue.Events;

/// <summary>
/// Makes a catalogue change made on another instance live here. Each instance has its own queue
/// (<see cref="CatalogueConsumers"/>). No inbox: a change this instance already serves (its own edits,
/// a redelivery, the rows of a bulk import it loaded at once) is recognised from the snapshot by version
/// and costs nothing; anything else re-reads that service (and the agencies).
/// </summary>
internal sealed class CatalogueChangedConsumer(CatalogueState state) : IConsumer<CatalogueChanged>
{
    public Task Consume(ConsumeContext<CatalogueChanged> context)
    {
        var change = context.Message;
        if (Serves(state.Current, change))
        {
            return Task.CompletedTask;
        }

        // The change may land while a reload of this instance's own edit runs: then it is served once that is done.
        return state.ReloadAsync(change.ServiceSlug is { } slug ? [slug] : [], s => Serves(s, change), context.CancellationToken);
    }

    /// <summary>Whether the snapshot already reflects the change (or a later one of the same entry).</summary>
    internal static bool Serves(CatalogueSnapshot snapshot, CatalogueChanged change) => change.Change switch
    {
        CatalogueChangeKind.AgencyDeleted => !snapshot.AgenciesByCode.ContainsKey(change.AgencyCode),
        CatalogueChangeKind.AgencyCreated or CatalogueChangeKind.AgencyUpdated =>
            snapshot.AgenciesByCode.TryGetValue(change.AgencyCode, out var agency) && agency.Version >= change.Version,
        CatalogueChangeKind.ServiceDeleted => change.ServiceSlug is { } gone && !snapshot.BySlug.ContainsKey(gone),
        _ => change.ServiceSlug is { } slug && snapshot.BySlug.TryGetValue(slug, out var service) && service.Version >= change.Version,
    };
}

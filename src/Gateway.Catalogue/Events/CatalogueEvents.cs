using Gateway.Catalogue.Model;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging;
using Gateway.Messaging.Outbox;
using Gateway.Platform.Catalogue;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Catalogue.Events;

/// <summary>
/// Writes the catalogue's events into the outbox of the context being saved, so they commit (or not)
/// with the change itself. Keys: <c>agency:{code}</c> and <c>service:{slug}</c> keep each entry's events in order.
/// </summary>
internal sealed class CatalogueEvents(IOptions<MessagingOptions> options, TimeProvider time)
{
    private readonly string _source = options.Value.GatewayAgency;

    public void AgencyChanged(DbContext db, CatalogueChangeKind change, Agency agency) =>
        Changed(db, change, agency.Code, null, change == CatalogueChangeKind.AgencyDeleted ? 0 : agency.Version, $"agency:{agency.Code}");

    public void ServiceChanged(DbContext db, CatalogueChangeKind change, Service service, string agencyCode) =>
        Changed(db, change, agencyCode, service.Slug, change == CatalogueChangeKind.ServiceDeleted ? 0 : service.Version, $"service:{service.Slug}");

    public void HealthChanged(DbContext db, ServiceHealthEntry change, HealthState? previous, string agencyCode)
    {
        var eventId = NewId.NextGuid();
        db.AddEvent(new ServiceHealthChanged
        {
            EventId = eventId,
            OccurredAt = change.CheckedAt,
            SourceAgency = _source,
            CorrelationId = eventId,
            ServiceSlug = change.Slug,
            AgencyCode = agencyCode,
            Status = ToStatus(change.State),
            PreviousStatus = previous is { } p ? ToStatus(p) : null,
            Since = change.Since,
            Detail = change.Detail,
        }, $"service:{change.Slug}");
    }

    private void Changed(DbContext db, CatalogueChangeKind change, string agencyCode, string? serviceSlug, int version, string aggregateKey)
    {
        var eventId = NewId.NextGuid();
        db.AddEvent(new CatalogueChanged
        {
            EventId = eventId,
            OccurredAt = time.GetUtcNow(),
            SourceAgency = _source,
            CorrelationId = eventId,
            Change = change,
            AgencyCode = agencyCode,
            ServiceSlug = serviceSlug,
            Version = version,
        }, aggregateKey);
    }

    private static ServiceHealthStatus ToStatus(HealthState state) => state switch
    {
        HealthState.Up => ServiceHealthStatus.Up,
        HealthState.Degraded => ServiceHealthStatus.Degraded,
        HealthState.Down => ServiceHealthStatus.Down,
        _ => ServiceHealthStatus.Unknown,
    };
}

using Gateway.Contracts.Events.V1;
using Gateway.Identity.Accounts;
using Gateway.Messaging;
using Gateway.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Identity.Events;

/// <summary>
/// Writes the account events into the outbox of the context being saved, so they commit with the
/// account change. Key <c>citizen:{id}</c> keeps one citizen's events in order.
/// </summary>
public sealed class AccountEvents(IOptions<MessagingOptions> options, TimeProvider time)
{
    private readonly string _source = options.Value.GatewayAgency;

    public void CitizenRegistered(DbContext db, GatewayUser user)
    {
        var eventId = NewId.NextGuid();
        db.AddEvent(new CitizenRegistered
        {
            EventId = eventId,
            OccurredAt = time.GetUtcNow(),
            SourceAgency = _source,
            CorrelationId = eventId,
            CitizenId = user.Id,
            Nik = user.Nik!,
            FullName = user.FullName,
            Email = user.Email,
            Phone = user.PhoneNumber,
        }, $"citizen:{user.Id}");
    }

    public void CitizenProfileChanged(DbContext db, GatewayUser user, IReadOnlyList<string> changedFields)
    {
        var eventId = NewId.NextGuid();
        db.AddEvent(new CitizenProfileChanged
        {
            EventId = eventId,
            OccurredAt = time.GetUtcNow(),
            SourceAgency = _source,
            CorrelationId = eventId,
            CitizenId = user.Id,
            Nik = user.Nik!,
            ChangedFields = changedFields,
            FullName = user.FullName,
            Email = user.Email,
            Phone = user.PhoneNumber,
        }, $"citizen:{user.Id}");
    }
}

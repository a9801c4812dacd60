using System.Text.Json;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Bus;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Messaging.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// Queues an event in this context's outbox: it is stored by the next <c>SaveChanges</c>, in the same
    /// transaction as the change that caused it, and published after the commit. Nothing is published
    /// if the save fails.
    /// </summary>
    /// <param name="aggregateKey">Events with the same key are published in the order they were written.</param>
    public static void AddEvent(this DbContext db, IIntegrationEvent @event, string aggregateKey)
    {
        var type = @event.GetType();
        if (!EventTypes.ByName.ContainsKey(EventTypes.NameOf(type)))
        {
            throw new ArgumentException($"{type.FullName} is not an event contract of Gateway.Contracts", nameof(@event));
        }

        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            EventId = @event.EventId,
            EventType = EventTypes.NameOf(type),
            AggregateKey = aggregateKey,
            CorrelationId = @event.CorrelationId,
            Payload = JsonSerializer.Serialize(@event, type, EventJson.Options),
            CreatedAt = DateTime.UtcNow,
        });
    }
}

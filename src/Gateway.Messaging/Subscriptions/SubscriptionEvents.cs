using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Messaging.Subscriptions;

/// <summary>
/// Writes <see cref="SubscriptionChanged"/> into the outbox of the save that makes the change, so every
/// instance hears of it (<see cref="SubscriptionChangedConsumer"/>) exactly when it is committed.
/// </summary>
internal sealed class SubscriptionEvents(IOptions<MessagingOptions> options, TimeProvider time)
{
    public void Changed(DbContext db, SubscriptionChangeKind change, EventSubscription subscription)
    {
        var eventId = NewId.NextGuid();
        db.AddEvent(new SubscriptionChanged
        {
            EventId = eventId,
            OccurredAt = time.GetUtcNow(),
            SourceAgency = options.Value.GatewayAgency,
            CorrelationId = eventId,
            Change = change,
            SubscriptionId = subscription.Id,
            AgencyCode = subscription.AgencyCode,
            EventType = subscription.EventType,
            Delivery = subscription.Delivery.ToString().ToLowerInvariant(),
        }, $"subscription:{subscription.Id}");
    }
}

/// <summary>
/// Reloads this instance's subscription list when any instance changed one; each instance has its own
/// queue, so all of them hear it (the 30 s refresh stays as a safety net).
/// </summary>
internal sealed class SubscriptionChangedConsumer(SubscriptionCache cache) : IConsumer<SubscriptionChanged>
{
    public Task Consume(ConsumeContext<SubscriptionChanged> context) => cache.ReloadAsync(context.CancellationToken);
}

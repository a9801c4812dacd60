using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Bus;
using Gateway.Messaging.Inbox;
using Gateway.Messaging.Persistence;
using Gateway.Messaging.Subscriptions;
using Gateway.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Messaging.Webhooks;

/// <summary>
/// Turns an event into one stored delivery per webhook subscription (sent by <see cref="WebhookSender"/>).
/// One shared queue for all event types (<c>satupintu-webhooks</c>); events nobody subscribed to by
/// webhook are acknowledged without a database call. An event carrying a resident's personal data that the
/// broker also routed to agencies' own queues (AMQP subscriptions) is recorded here, once per such agency,
/// in the resident's audit trail: the gateway never sees those queues being read.
/// </summary>
internal sealed class WebhookFanOut<TEvent>(
    SubscriptionCache subscriptions,
    WebhookSignal signal,
    AuditTrail audit,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    IServiceProvider services)
    : IdempotentConsumer<TEvent, MessagingDbContext>(services)
    where TEvent : class, IIntegrationEvent
{
    public const string Queue = "satupintu-webhooks";

    private static readonly string EventType = EventTypes.NameOf<TEvent>();
    private static readonly System.Reflection.PropertyInfo? AgencyCodeProperty = typeof(TEvent).GetProperty("AgencyCode");
    private static readonly bool CarriesPersonalData = EventTypes.CarryingPersonalData.Contains(EventType);
    private static readonly System.Reflection.PropertyInfo? CitizenIdProperty = CarriesPersonalData ? typeof(TEvent).GetProperty("CitizenId") : null;

    protected override string InboxName => $"webhooks:{EventType}";

    protected override async ValueTask<bool> ShouldHandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        // Until the subscriptions are loaded, "nobody subscribed" would be a guess that loses webhooks.
        await subscriptions.LoadedAsync(cancellationToken);
        return WebhookTargets().Count > 0 || (CarriesPersonalData && subscriptions.QueuesFor(EventType).Count > 0);
    }

    private IReadOnlyList<WebhookTarget> WebhookTargets() => options.Value.Webhooks.Enabled ? subscriptions.WebhooksFor(EventType) : [];

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dataSubject = CitizenIdProperty?.GetValue(message)?.ToString();
        if (dataSubject is not null)
        {
            RecordQueued(message, dataSubject);
        }

        var agency = AgencyCodeProperty?.GetValue(message) as string;
        var targets = WebhookTargets()
            .Where(t => t.OnlyAgency is null || t.OnlyAgency == agency)
            .Select(t => t.SubscriptionId)
            .ToList();
        if (targets.Count == 0)
        {
            return;
        }

        // A subscription deleted on another instance a moment ago may still be in this one's list: a
        // delivery for it would break the save (its foreign key) and, retried, send the event to the error
        // queue for every subscriber. Only those that still exist get one.
        var existing = await Db.Subscriptions.AsNoTracking()
            .Where(s => targets.Contains(s.Id) && s.Active)
            .Select(s => new { s.Id, s.AgencyCode })
            .ToListAsync(cancellationToken);
        // A resident's personal data goes only to the agencies allowed it, whatever was subscribed before the rule.
        var allowed = existing
            .Where(s => !CarriesPersonalData || options.Value.PersonalDataAgencies.Contains(s.AgencyCode))
            .Select(s => s.Id)
            .ToHashSet();
        var body = CloudEvent.Serialize(message);
        foreach (var subscriptionId in targets.Where(allowed.Contains))
        {
            Db.WebhookDeliveries.Add(new WebhookDelivery
            {
                SubscriptionId = subscriptionId,
                EventId = message.EventId,
                EventType = EventType,
                Body = body,
                DataSubject = dataSubject,
                Status = WebhookDeliveryStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }
    }

    /// <summary>The event reached each AMQP-subscribed agency's queue when it was published; recorded with this handling.</summary>
    private void RecordQueued(TEvent message, string dataSubject)
    {
        foreach (var queueAgency in subscriptions.QueuesFor(EventType))
        {
            audit.Record(Db, new AuditEntry("messaging.event.queued", "event", message.EventId.ToString(),
                AuditSummary.Facts(new { eventType = EventType, queue = AgencyQueues.NameFor(queueAgency) }))
            {
                DataSubject = dataSubject,
                Recipient = queueAgency,
            });
        }
    }

    protected override void AfterSave(TEvent message) => signal.Notify();
}

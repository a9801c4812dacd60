using Gateway.Contracts.Events.V1;
using Gateway.Platform.Database;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Messaging.Inbox;

/// <summary>
/// A consumer that applies each event id once. The handler's changes, the inbox record and any events
/// the handler queues in the outbox are saved in one transaction: a redelivery's inbox record collides
/// with the first one's (a unique key), so its whole transaction is rolled back; a failure saves nothing
/// and MassTransit retries. Duplicates are rare (a redelivery after a crash or a broker restart), so the
/// inbox is not read before handling: that query cost as much as the insert on every event. A handler
/// must therefore only stage changes in <see cref="Db"/> (never call out, never throw on state a first
/// delivery already changed): for a duplicate they are discarded.
/// </summary>
/// <typeparam name="TContext">The consuming module's DbContext; it must map the inbox (<c>MapOutboxAndInbox</c>).</typeparam>
public abstract class IdempotentConsumer<TEvent, TContext>(TContext db, IServiceProvider services) : IConsumer<TEvent>
    where TEvent : class, IIntegrationEvent
    where TContext : DbContext
{
    protected TContext Db { get; } = db;

    /// <summary>Names this consumer in the inbox; keep it stable across renames of the class.</summary>
    protected virtual string InboxName => GetType().Name;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        if (!await ShouldHandleAsync(context.Message, context.CancellationToken))
        {
            return;
        }

        var eventId = context.Message.EventId;
        var inbox = Db.Set<InboxRecord>();
        await HandleAsync(context.Message, context.CancellationToken);
        inbox.Add(new InboxRecord { EventId = eventId, Consumer = InboxName, ProcessedAt = DateTime.UtcNow });
        try
        {
            await Db.SaveChangesAsync(context.CancellationToken);
            AfterSave();
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Either a delivery of the same event committed first (a redelivery, or a concurrent one: this
            // one's changes are rolled back, done), or the handler broke a unique rule of its own (a real failure).
            Db.ChangeTracker.Clear();
            if (!await inbox.AnyAsync(r => r.EventId == eventId && r.Consumer == InboxName, context.CancellationToken))
            {
                throw;
            }

            CountDuplicate();
        }
    }

    /// <summary>False for events this consumer ignores: they are acknowledged without touching the database.</summary>
    protected virtual ValueTask<bool> ShouldHandleAsync(TEvent message, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <summary>Runs after the handler's changes were committed (e.g. to wake a sender).</summary>
    protected virtual void AfterSave()
    {
    }

    /// <summary>Applies the event to <see cref="Db"/> without saving; the base class saves.</summary>
    protected abstract Task HandleAsync(TEvent message, CancellationToken cancellationToken);

    private void CountDuplicate() =>
        services.GetRequiredService<MessagingMetrics>().Duplicates.Add(1, new KeyValuePair<string, object?>("consumer", InboxName));
}

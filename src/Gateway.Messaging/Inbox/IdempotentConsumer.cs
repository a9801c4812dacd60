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
/// and MassTransit retries that event. Duplicates are rare (a redelivery after a crash or a broker restart),
/// so the inbox is not read before handling: that query cost as much as the insert on every event.
/// <para>
/// Events that arrive while another group is being saved are applied together, in one transaction
/// (<see cref="InboxGroup{TEvent, TContext}"/>): one commit per group instead of one per event. If a group
/// cannot be saved, each of its events is applied alone, so a failing event fails only itself.
/// </para>
/// A handler must therefore only stage changes in <see cref="Db"/> (never call out, never throw on state a
/// first delivery already changed): for a duplicate, or a group that fails, they are discarded.
/// </summary>
/// <typeparam name="TContext">The consuming module's DbContext; it must map the inbox (<c>MapOutboxAndInbox</c>).</typeparam>
public abstract class IdempotentConsumer<TEvent, TContext>(IServiceProvider services) : IConsumer<TEvent>
    where TEvent : class, IIntegrationEvent
    where TContext : DbContext
{
    private TContext? _db;

    /// <summary>
    /// The module's context, taken from the pool on first use: the instance MassTransit creates per delivery
    /// only decides <see cref="ShouldHandleAsync"/> and hands the event on, so it never leases one.
    /// </summary>
    protected TContext Db => _db ??= services.GetRequiredService<TContext>();

    /// <summary>Names this consumer in the inbox; keep it stable across renames of the class.</summary>
    protected virtual string InboxName => GetType().Name;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        if (!await ShouldHandleAsync(context.Message, context.CancellationToken))
        {
            return;
        }

        var group = services.GetRequiredService<InboxGroups>().For<TEvent, TContext>(GetType());
        if (await group.ApplyAsync(context.Message) == InboxOutcome.Duplicate)
        {
            services.GetRequiredService<MessagingMetrics>().Duplicates.Add(1, new KeyValuePair<string, object?>("consumer", InboxName));
        }
    }

    /// <summary>False for events this consumer ignores: they are acknowledged without touching the database.</summary>
    protected virtual ValueTask<bool> ShouldHandleAsync(TEvent message, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <summary>Runs for each event whose changes were committed (e.g. to wake a sender).</summary>
    protected virtual void AfterSave(TEvent message)
    {
    }

    /// <summary>Applies the event to <see cref="Db"/> without saving; the base class saves.</summary>
    protected abstract Task HandleAsync(TEvent message, CancellationToken cancellationToken);

    /// <summary>Stages every event and its inbox record, then saves them in one transaction. Nothing is saved if it throws.</summary>
    internal async Task ApplyTogetherAsync(IReadOnlyList<TEvent> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await HandleAsync(message, cancellationToken);
            Db.Set<InboxRecord>().Add(Record(message));
        }

        await Db.SaveChangesAsync(cancellationToken);
        foreach (var message in messages)
        {
            AfterSave(message);
        }
    }

    /// <summary>Applies one event in its own transaction; a duplicate's changes are rolled back.</summary>
    internal async Task<InboxOutcome> ApplyAloneAsync(TEvent message, CancellationToken cancellationToken)
    {
        var inbox = Db.Set<InboxRecord>();
        await HandleAsync(message, cancellationToken);
        inbox.Add(Record(message));
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Either a delivery of the same event committed first (a redelivery, or a concurrent one: this
            // one's changes are rolled back, done), or the handler broke a unique rule of its own (a real failure).
            Db.ChangeTracker.Clear();
            if (!await inbox.AnyAsync(r => r.EventId == message.EventId && r.Consumer == InboxName, cancellationToken))
            {
                throw;
            }

            return InboxOutcome.Duplicate;
        }

        AfterSave(message);
        return InboxOutcome.Applied;
    }

    private InboxRecord Record(TEvent message) => new() { EventId = message.EventId, Consumer = InboxName, ProcessedAt = DateTime.UtcNow };
}

/// <summary>What became of one delivery of an event.</summary>
internal enum InboxOutcome
{
    Applied,
    Duplicate,
}

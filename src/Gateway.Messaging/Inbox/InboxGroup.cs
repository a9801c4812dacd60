using System.Collections.Concurrent;
using Gateway.Contracts.Events.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Messaging.Inbox;

/// <summary>
/// Group commit for one inbox consumer: deliveries that arrive while a group is being saved wait in a
/// queue and are applied together, in the next transaction. With one commit per event the consumer spent
/// most of its time waiting for the database to flush; under load a group holds as many events as
/// MassTransit delivers concurrently (the prefetch count), and a lone event is applied at once, without waiting
/// for company.
/// <para>
/// There is no background task: while fewer than two groups are being saved, the oldest waiting delivery is
/// asked to lead; it saves one group (everything waiting) and, done, the next oldest is asked. Two groups at
/// once: while one commits, the next is on its way to the database. Each delivery returns only when its
/// own event is committed (or has failed), so MassTransit's acknowledgement, retries and error queue work
/// per event exactly as for a consumer without groups.
/// </para>
/// </summary>
internal sealed partial class InboxGroup<TEvent, TContext>(IServiceScopeFactory scopes, Type consumerType, MessagingMetrics metrics, ILogger logger)
    where TEvent : class, IIntegrationEvent
    where TContext : DbContext
{
    /// <summary>Most events in one transaction: a group is everything that waited, but a transaction stays short.</summary>
    internal const int MaxGroupSize = 100;

    /// <summary>Groups saved at once: while one commits, the next is already on its way to the database.</summary>
    internal const int MaxLeaders = 2;

    private readonly KeyValuePair<string, object?> _tag = new("consumer", consumerType.Name);
    private readonly Lock _gate = new();
    private readonly Queue<Delivery> _waiting = new();
    private int _leaders;

    public async Task<InboxOutcome> ApplyAsync(TEvent message)
    {
        var delivery = new Delivery(message);
        lock (_gate)
        {
            _waiting.Enqueue(delivery);
            PromoteWaiting();
        }

        await Task.WhenAny(delivery.Done.Task, delivery.Lead.Task);
        // A delivery asked to lead leads even when another group took its event meanwhile (it then saves
        // whatever waits, perhaps nothing): every promotion ends in exactly one LeadAsync.
        if (delivery.Lead.Task.IsCompleted)
        {
            await LeadAsync();
        }

        return await delivery.Done.Task;
    }

    private async Task LeadAsync()
    {
        List<Delivery> group;
        lock (_gate)
        {
            group = new List<Delivery>(Math.Min(_waiting.Count, MaxGroupSize));
            while (group.Count < MaxGroupSize && _waiting.TryDequeue(out var next))
            {
                group.Add(next);
            }
        }

        try
        {
            await SaveAsync(group);
        }
        finally
        {
            lock (_gate)
            {
                _leaders--;
                PromoteWaiting();
            }
        }
    }

    /// <summary>Asks the oldest waiting deliveries to lead while fewer than <see cref="MaxLeaders"/> groups are being saved. Under the lock.</summary>
    private void PromoteWaiting()
    {
        foreach (var waiting in _waiting)
        {
            if (_leaders >= MaxLeaders)
            {
                return;
            }

            if (!waiting.Lead.Task.IsCompleted)
            {
                _leaders++;
                waiting.Lead.SetResult();
            }
        }
    }

    private async Task SaveAsync(List<Delivery> group)
    {
        // The same event twice in one group (the outbox republishing after a crash): the later copy is a duplicate.
        var distinct = new List<Delivery>(group.Count);
        var seen = new HashSet<Guid>();
        foreach (var delivery in group)
        {
            if (seen.Add(delivery.Message.EventId))
            {
                distinct.Add(delivery);
            }
            else
            {
                delivery.Done.TrySetResult(InboxOutcome.Duplicate);
            }
        }

        if (distinct.Count > 1 && await TrySaveTogetherAsync(distinct))
        {
            return;
        }

        foreach (var delivery in distinct)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                delivery.Done.TrySetResult(await ConsumerIn(scope).ApplyAloneAsync(delivery.Message, CancellationToken.None));
                metrics.InboxGroupSize.Record(1, _tag);
            }
            catch (Exception ex)
            {
                delivery.Done.TrySetException(ex);
            }
        }
    }

    private async Task<bool> TrySaveTogetherAsync(List<Delivery> group)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await ConsumerIn(scope).ApplyTogetherAsync(group.ConvertAll(d => d.Message), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // A redelivered event among them (its inbox record collides), a failing handler, or two events
            // about the same thing that a handler can only tell apart one at a time. Nothing was saved: each
            // event is now applied alone, and only one that fails by itself is retried by MassTransit.
            LogGroupFailed(logger, group.Count, ex);
            return false;
        }

        metrics.InboxGroupSize.Record(group.Count, _tag);
        foreach (var delivery in group)
        {
            delivery.Done.TrySetResult(InboxOutcome.Applied);
        }

        return true;
    }

    // Each save gets a consumer of its own, from a scope of its own: a clean DbContext and no state left over.
    private IdempotentConsumer<TEvent, TContext> ConsumerIn(AsyncServiceScope scope) =>
        (IdempotentConsumer<TEvent, TContext>)scope.ServiceProvider.GetRequiredService(consumerType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A group of {Count} events could not be saved together; applying them one by one")]
    private static partial void LogGroupFailed(ILogger logger, int count, Exception exception);

    private sealed class Delivery(TEvent message)
    {
        public TEvent Message { get; } = message;

        public TaskCompletionSource<InboxOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Lead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>One <see cref="InboxGroup{TEvent, TContext}"/> per consumer type, for the life of the process.</summary>
internal sealed class InboxGroups(IServiceScopeFactory scopes, MessagingMetrics metrics, ILoggerFactory loggers)
{
    /// <summary>Whether <paramref name="consumer"/> derives from <see cref="IdempotentConsumer{TEvent, TContext}"/>.</summary>
    public static bool IsInboxConsumer(Type consumer)
    {
        for (var type = consumer; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IdempotentConsumer<,>))
            {
                return true;
            }
        }

        return false;
    }

    private readonly ConcurrentDictionary<Type, object> _groups = new();

    public InboxGroup<TEvent, TContext> For<TEvent, TContext>(Type consumerType)
        where TEvent : class, IIntegrationEvent
        where TContext : DbContext =>
        (InboxGroup<TEvent, TContext>)_groups.GetOrAdd(consumerType, type =>
            new InboxGroup<TEvent, TContext>(scopes, type, metrics, loggers.CreateLogger($"Gateway.Messaging.Inbox.InboxGroup.{type.Name}")));
}

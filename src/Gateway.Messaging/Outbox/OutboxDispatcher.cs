using System.Collections.Concurrent;
using System.Text.Json;
using Gateway.Messaging.Bus;
using Gateway.Messaging.Persistence;
using Gateway.Messaging.Webhooks;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows to the bus and marks them sent. One instance dispatches at a time
/// (a lease), so rows go out in insertion order per aggregate; different aggregates are published
/// concurrently. While the broker is away nothing is tried and the dispatcher backs off: events wait in
/// the table, never lost. A crash after publishing but before marking republishes the same event ids,
/// which consumers' inboxes skip. A row that fails while the broker is up waits on its own backoff
/// (holding back only the later events of its aggregate) and is parked after <c>Outbox:MaxAttempts</c>,
/// so one event that can never be published does not slow the others.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBusControl bus,
    OutboxSignal signal,
    Leases leases,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    MessagingMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value.Outbox;
    private readonly int _inboxRetentionDays = options.Value.Inbox.RetentionDays;
    private readonly WebhookOptions _webhooks = options.Value.Webhooks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.DispatcherEnabled)
        {
            LogDisabled(logger);
            return;
        }

        var poll = TimeSpan.FromMilliseconds(_options.PollIntervalMilliseconds);
        var lease = TimeSpan.FromSeconds(_options.LeaseSeconds);
        var failures = 0;
        var nextCleanup = DateTime.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var fullBatch = false;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
                    if (await leases.TryHoldAsync(db, DispatcherLease.Outbox, lease, stoppingToken))
                    {
                        var outcome = await DispatchBatchAsync(db, stoppingToken);
                        failures = outcome.BrokerAway ? failures + 1 : 0;
                        fullBatch = outcome.Tried == _options.BatchSize;

                        if (time.GetUtcNow().UtcDateTime >= nextCleanup)
                        {
                            await CleanUpAsync(db, stoppingToken);
                            nextCleanup = time.GetUtcNow().UtcDateTime.AddSeconds(_options.CleanupIntervalSeconds);
                        }
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    failures++;
                    LogLoopFailed(logger, ex);
                }

                if (failures > 0)
                {
                    await Task.Delay(Backoff(failures), time, stoppingToken);
                }
                else if (!fullBatch)
                {
                    await signal.WaitAsync(poll, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await HandOverAsync();
    }

    private readonly record struct BatchOutcome(int Tried, bool BrokerAway);

    private async Task<BatchOutcome> DispatchBatchAsync(MessagingDbContext db, CancellationToken stoppingToken)
    {
        // While the broker is away a publish would only wait and time out, and one that times out may
        // still reach the broker when it returns (then it goes out twice): don't try until the bus is up.
        if (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            var pending = await db.Outbox.CountAsync(m => m.SentAt == null && m.ParkedAt == null, stoppingToken);
            if (pending > 0)
            {
                LogBusDown(logger, pending);
            }

            return new BatchOutcome(0, BrokerAway: pending > 0);
        }

        var batch = await ReadyBatchAsync(db, stoppingToken);
        if (batch.Count == 0)
        {
            return new BatchOutcome(0, BrokerAway: false);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.PublishTimeoutSeconds));
        var sent = new ConcurrentBag<long>();
        var failed = new ConcurrentBag<(OutboxMessage Message, string Error, bool TimedOut)>();
        await Task.WhenAll(batch.GroupBy(m => m.AggregateKey)
            .Select(group => PublishInOrderAsync(group, sent, failed, timeout.Token)));

        // Marked even when stopping: these were published, and marking them saves a redelivery.
        if (!sent.IsEmpty)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var ids = sent.ToList();
            await db.Outbox.Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now), CancellationToken.None);
            metrics.Published.Add(ids.Count);
        }

        if (!failed.IsEmpty)
        {
            // Failures caused by the broker leaving mid-batch say nothing about the rows: they don't count
            // towards parking, and the next round waits for the bus like any outage.
            var brokerAway = bus.CheckHealth().Status != BusHealthStatus.Healthy;
            foreach (var (message, error, timedOut) in failed)
            {
                await RecordFailureAsync(db, message, error, counts: !brokerAway && !timedOut);
            }

            metrics.PublishFailures.Add(failed.Count);
            LogPublishFailed(logger, failed.Count, batch.Count, failed.First().Error);
            return new BatchOutcome(batch.Count, brokerAway);
        }

        return new BatchOutcome(batch.Count, BrokerAway: false);
    }

    /// <summary>
    /// Unsent, unparked rows due now, oldest first, leaving out every row of an aggregate behind one of its
    /// rows that waits out a backoff: an aggregate's events never overtake one another.
    /// </summary>
    private async Task<List<OutboxMessage>> ReadyBatchAsync(MessagingDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var waiting = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.ParkedAt == null && m.NextAttemptAt > now)
            .GroupBy(m => m.AggregateKey)
            .Select(g => new { Aggregate = g.Key, FirstId = g.Min(m => m.Id) })
            .ToDictionaryAsync(w => w.Aggregate, w => w.FirstId, cancellationToken);
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.ParkedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        return waiting.Count == 0
            ? due
            : due.Where(m => !waiting.TryGetValue(m.AggregateKey, out var first) || m.Id < first).ToList();
    }

    /// <summary>The row waits out its own backoff; after <c>MaxAttempts</c> counted failures it is parked.</summary>
    private async Task RecordFailureAsync(MessagingDbContext db, OutboxMessage message, string error, bool counts)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + (counts ? 1 : 0);
        var parked = attempts >= _options.MaxAttempts;
        var text = error.Length > 1000 ? error[..1000] : error;
        await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, text)
            .SetProperty(m => m.NextAttemptAt, now + Backoff(Math.Max(attempts, 1)))
            .SetProperty(m => m.ParkedAt, parked ? now : (DateTime?)null), CancellationToken.None);
        if (parked)
        {
            metrics.Parked.Add(1);
            LogParked(logger, message.EventId, message.EventType, message.AggregateKey, attempts, text);
        }
    }

    /// <summary>Publishes one aggregate's events one after another; stops at the first failure so none overtakes it.</summary>
    private async Task PublishInOrderAsync(
        IEnumerable<OutboxMessage> messages,
        ConcurrentBag<long> sent,
        ConcurrentBag<(OutboxMessage, string, bool)> failed,
        CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            try
            {
                if (!EventTypes.ByName.TryGetValue(message.EventType, out var type))
                {
                    throw new InvalidOperationException($"Unknown event type '{message.EventType}' (a contract was renamed or removed?)");
                }

                var @event = JsonSerializer.Deserialize(message.Payload, type, EventJson.Options)
                    ?? throw new JsonException("The payload is null");
                await bus.Publish(@event, type, context =>
                {
                    context.MessageId = message.EventId;
                    context.CorrelationId = message.CorrelationId;
                }, cancellationToken);
                sent.Add(message.Id);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                failed.Add((message, "publish timed out (broker unreachable?)", true));
                return;
            }
            catch (Exception ex)
            {
                failed.Add((message, $"{ex.GetType().Name}: {ex.Message}", false));
                return;
            }
        }
    }

    private async Task CleanUpAsync(MessagingDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sentBefore = now.AddHours(-_options.RetentionHours);
        var processedBefore = now.AddDays(-_inboxRetentionDays);
        var outbox = await db.Outbox.Where(m => m.SentAt != null && m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
        var inbox = await db.Inbox.Where(r => r.ProcessedAt < processedBefore).ExecuteDeleteAsync(cancellationToken);
        var deliveredBefore = now.AddDays(-_webhooks.DeliveredRetentionDays);
        var deadBefore = now.AddDays(-_webhooks.DeadRetentionDays);
        var webhooks = await db.WebhookDeliveries
            .Where(d => (d.Status == WebhookDeliveryStatus.Delivered && d.DeliveredAt < deliveredBefore)
                || (d.Status == WebhookDeliveryStatus.Dead && d.NextAttemptAt < deadBefore))
            .ExecuteDeleteAsync(cancellationToken);
        if (outbox + inbox + webhooks > 0)
        {
            LogCleanedUp(logger, outbox, inbox, webhooks);
        }
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, Math.Min(failures - 1, 16)), _options.MaxBackoffSeconds * 1000.0));

    private async Task HandOverAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await leases.ReleaseAsync(scope.ServiceProvider.GetRequiredService<MessagingDbContext>(), DispatcherLease.Outbox, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The lease expires by itself; another instance takes over after Outbox:LeaseSeconds.
            LogHandOverFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox dispatcher is off (Messaging:Outbox:DispatcherEnabled=false): events wait in the outbox table")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Failed} of {Count} outbox event(s); each is retried after its own backoff. First error: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, int failed, int count, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox event {EventId} ({EventType}, {Aggregate}) is parked after {Attempts} failed attempts and will not be published: {Error}. See /api/admin/events/outbox")]
    private static partial void LogParked(ILogger logger, Guid eventId, string eventType, string aggregate, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bus is not connected; {Pending} event(s) wait in the outbox until it is")]
    private static partial void LogBusDown(ILogger logger, int pending);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox dispatcher failed; retrying with backoff")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Outbox} sent outbox event(s), {Inbox} old inbox record(s) and {Webhooks} old webhook deliveries")]
    private static partial void LogCleanedUp(ILogger logger, int outbox, int inbox, int webhooks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand over the outbox lease; another instance takes over when it expires")]
    private static partial void LogHandOverFailed(ILogger logger, Exception exception);
}

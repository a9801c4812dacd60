using System.Collections.Concurrent;
using System.Text.Json;
using Gateway.Messaging.Bus;
using Gateway.Messaging.Persistence;
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
/// concurrently. While the broker is away the batch fails, nothing is marked, and the dispatcher backs
/// off and tries again: events wait in the table, never lost. A crash after publishing but before
/// marking republishes the same event ids, which consumers' inboxes skip.
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
                        var (published, failed) = await DispatchBatchAsync(db, stoppingToken);
                        failures = failed > 0 ? failures + 1 : 0;
                        if (failed == 0 && failures == 0 && published > 0)
                        {
                            fullBatch = published == _options.BatchSize;
                        }

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

    private async Task<(int Published, int Failed)> DispatchBatchAsync(MessagingDbContext db, CancellationToken stoppingToken)
    {
        // While the broker is away a publish would only wait and time out, and one that times out may
        // still reach the broker when it returns (then it goes out twice): don't try until the bus is up.
        if (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            var pending = await db.Outbox.CountAsync(m => m.SentAt == null, stoppingToken);
            if (pending > 0)
            {
                LogBusDown(logger, pending);
            }

            return (0, pending);
        }

        var batch = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Id)
            .Take(_options.BatchSize)
            .ToListAsync(stoppingToken);
        if (batch.Count == 0)
        {
            return (0, 0);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.PublishTimeoutSeconds));
        var sent = new ConcurrentBag<long>();
        var failed = new ConcurrentBag<(long Id, string Error)>();
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

        foreach (var (id, error) in failed)
        {
            var message = error.Length > 1000 ? error[..1000] : error;
            await db.Outbox.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, message), CancellationToken.None);
        }

        if (!failed.IsEmpty)
        {
            metrics.PublishFailures.Add(failed.Count);
            LogPublishFailed(logger, failed.Count, batch.Count, failed.First().Error);
        }

        return (sent.Count, failed.Count);
    }

    /// <summary>Publishes one aggregate's events one after another; stops at the first failure so none overtakes it.</summary>
    private async Task PublishInOrderAsync(
        IEnumerable<OutboxMessage> messages, ConcurrentBag<long> sent, ConcurrentBag<(long, string)> failed, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            try
            {
                if (!EventTypes.ByName.TryGetValue(message.EventType, out var type))
                {
                    throw new InvalidOperationException($"Unknown event type '{message.EventType}' (a contract was renamed or removed?)");
                }

                var @event = JsonSerializer.Deserialize(message.Payload, type, EventJson.Options)!;
                await bus.Publish(@event, type, context =>
                {
                    context.MessageId = message.EventId;
                    context.CorrelationId = message.CorrelationId;
                }, cancellationToken);
                sent.Add(message.Id);
            }
            catch (Exception ex)
            {
                failed.Add((message.Id, ex is OperationCanceledException ? "publish timed out (broker unreachable?)" : ex.Message));
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
        if (outbox + inbox > 0)
        {
            LogCleanedUp(logger, outbox, inbox);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Failed} of {Count} outbox event(s); retrying with backoff. First error: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, int failed, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bus is not connected; {Pending} event(s) wait in the outbox until it is")]
    private static partial void LogBusDown(ILogger logger, int pending);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox dispatcher failed; retrying with backoff")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Outbox} sent outbox event(s) and {Inbox} old inbox record(s)")]
    private static partial void LogCleanedUp(ILogger logger, int outbox, int inbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand over the outbox lease; another instance takes over when it expires")]
    private static partial void LogHandOverFailed(ILogger logger, Exception exception);
}

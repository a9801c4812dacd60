using System.Collections.Frozen;
using Gateway.Messaging.Persistence;
using Gateway.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Messaging.Subscriptions;

/// <summary>
/// Active subscriptions in memory, so the fan-out does not query the database for each of
/// thousands of events a second. Reloaded after every change made here, when another instance's
/// <c>SubscriptionChanged</c> arrives, and every 30 s as a safety net.
/// </summary>
internal sealed partial class SubscriptionCache(IServiceScopeFactory scopes, ILogger<SubscriptionCache> logger) : BackgroundService
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile FrozenDictionary<string, WebhookTarget[]> _webhooksByEvent = FrozenDictionary<string, WebhookTarget[]>.Empty;
    private volatile FrozenDictionary<string, string[]> _queuesByEvent = FrozenDictionary<string, string[]>.Empty;

    /// <summary>Completes once the subscriptions were read from the database the first time.</summary>
    public Task LoadedAsync(CancellationToken cancellationToken) => _loaded.Task.WaitAsync(cancellationToken);

    /// <summary>The active webhook subscriptions to <paramref name="eventType"/>.</summary>
    public IReadOnlyList<WebhookTarget> WebhooksFor(string eventType) =>
        _webhooksByEvent.TryGetValue(eventType, out var targets) ? targets : [];

    /// <summary>The agencies whose own RabbitMQ queue receives <paramref name="eventType"/> (active AMQP subscriptions).</summary>
    public IReadOnlyList<string> QueuesFor(string eventType) =>
        _queuesByEvent.TryGetValue(eventType, out var agencies) ? agencies : [];

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var active = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Active)
            .Select(s => new { s.Id, s.EventType, s.AgencyCode, s.OwnAgencyOnly, s.Delivery })
            .ToListAsync(cancellationToken);
        _webhooksByEvent = active.Where(s => s.Delivery == DeliveryMethod.Webhook).GroupBy(s => s.EventType)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.Select(s => new WebhookTarget(s.Id, s.OwnAgencyOnly ? s.AgencyCode : null)).ToArray(),
                StringComparer.Ordinal);
        _queuesByEvent = active.Where(s => s.Delivery == DeliveryMethod.Amqp).GroupBy(s => s.EventType)
            .ToFrozenDictionary(g => g.Key, g => g.Select(s => s.AgencyCode).Distinct().ToArray(), StringComparer.Ordinal);
        _loaded.TrySetResult();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        do
        {
            try
            {
                await ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogReloadFailed(logger, ex);
            }
        }
        while (await timer.NextTickOrStopAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reload event subscriptions; keeping the previous list")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}

/// <summary>A webhook subscription as the fan-out needs it; <see cref="OnlyAgency"/> set when it filters on its agency.</summary>
internal sealed record WebhookTarget(Guid SubscriptionId, string? OnlyAgency);

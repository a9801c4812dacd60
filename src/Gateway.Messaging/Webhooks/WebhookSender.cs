using System.Net.Http.Headers;
using System.Text;
using Gateway.Messaging.Outbox;
using Gateway.Messaging.Persistence;
using Gateway.Messaging.Subscriptions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Messaging.Webhooks;

/// <summary>
/// Posts due webhook deliveries, signed, and records the outcome. A failure (non-2xx, timeout,
/// unreachable) is retried on <c>Messaging:Webhooks:RetryScheduleSeconds</c>; after the last retry the
/// delivery is dead and waits on the dead-letter list for an administrator to replay it. One instance
/// sends at a time (a lease), so a delivery is not posted twice concurrently.
/// </summary>
internal sealed partial class WebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    IDataProtectionProvider protection,
    WebhookSignal signal,
    Leases leases,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    MessagingMetrics metrics,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "satupintu-webhooks";
    private const int BatchSize = 50;

    private readonly WebhookOptions _options = options.Value.Webhooks;
    private readonly IDataProtector _secrets = protection.CreateProtector(SubscriptionAdminApi.SecretPurpose);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var poll = TimeSpan.FromMilliseconds(_options.PollIntervalMilliseconds);
        var lease = TimeSpan.FromSeconds(Math.Max(_options.TimeoutSeconds * 2, 15));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var sent = 0;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
                    if (await leases.TryHoldAsync(db, DispatcherLease.Webhooks, lease, stoppingToken))
                    {
                        sent = await SendDueAsync(db, stoppingToken);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogLoopFailed(logger, ex);
                }

                if (sent < BatchSize)
                {
                    await signal.WaitAsync(poll, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<int> SendDueAsync(MessagingDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var subscriptionIds = due.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => subscriptionIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (delivery, ct) => await SendAsync(delivery, subscriptions.GetValueOrDefault(delivery.SubscriptionId), ct));
        await db.SaveChangesAsync(CancellationToken.None);
        return due.Count;
    }

    private async Task SendAsync(WebhookDelivery delivery, EventSubscription? subscription, CancellationToken cancellationToken)
    {
        delivery.Attempts++;
        var outcome = "failed";
        try
        {
            if (subscription is not { WebhookUrl: { } url, ProtectedSecret: { } protectedSecret })
            {
                throw new InvalidOperationException("the subscription has no webhook URL or secret");
            }

            var secret = _secrets.Unprotect(protectedSecret);
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/cloudevents+json")),
            };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(secret, time.GetUtcNow().ToUnixTimeSeconds(), delivery.Body));
            request.Headers.Add("X-SatuPintu-Event", delivery.EventType);
            request.Headers.Add("X-SatuPintu-Event-Id", delivery.EventId.ToString());
            request.Headers.Add("X-SatuPintu-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            delivery.LastStatusCode = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                delivery.Status = WebhookDeliveryStatus.Delivered;
                delivery.DeliveredAt = time.GetUtcNow().UtcDateTime;
                delivery.LastError = null;
                outcome = "delivered";
                return;
            }

            delivery.LastError = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            delivery.LastError = ex is OperationCanceledException ? $"no answer within {_options.TimeoutSeconds} s" : Truncate(ex.Message);
        }
        finally
        {
            metrics.WebhookAttempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }

        ScheduleRetry(delivery);
    }

    private void ScheduleRetry(WebhookDelivery delivery)
    {
        var schedule = _options.EffectiveSchedule;
        if (delivery.Attempts > schedule.Length)
        {
            delivery.Status = WebhookDeliveryStatus.Dead;
            LogDead(logger, delivery.Id, delivery.EventType, delivery.Attempts, delivery.LastError);
            return;
        }

        delivery.NextAttemptAt = time.GetUtcNow().UtcDateTime.AddSeconds(schedule[delivery.Attempts - 1]);
    }

    private static string Truncate(string text) => text.Length > 1000 ? text[..1000] : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Delivery} ({EventType}) is dead after {Attempts} attempts: {Error}. Replay it from /api/admin/webhooks/dead-letters")]
    private static partial void LogDead(ILogger logger, long delivery, string eventType, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook sender failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}

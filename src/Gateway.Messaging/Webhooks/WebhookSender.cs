using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Gateway.Messaging.Persistence;
using Gateway.Messaging.Subscriptions;
using Gateway.Platform.Audit;
using Gateway.Platform.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Messaging.Webhooks;

/// <summary>
/// Posts due webhook deliveries, signed, and records each outcome as it happens. A failure (non-2xx,
/// timeout, unreachable) is retried on <c>Messaging:Webhooks:RetryScheduleSeconds</c>; after the last retry
/// the delivery is dead and waits on the dead-letter list for an administrator to replay it. Every instance
/// sends, up to <c>Messaging:Webhooks:Concurrency</c> posts at once; <see cref="WebhookClaims"/> keeps a
/// delivery from being posted twice at once and one endpoint from taking more than one sender.
/// </summary>
internal sealed partial class WebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    IDataProtectionProvider protection,
    WebhookSignal signal,
    WebhookClaims claims,
    AuditTrail audit,
    IOptions<MessagingOptions> options,
    IOptions<Gateway.Platform.Edge.EdgeOptions> edge,
    TimeProvider time,
    MessagingMetrics metrics,
    ILogger<WebhookSender> logger) : BackgroundService
{
    /// <summary>Plain http:// only where the gateway itself runs without TLS; a subscription made before https was required goes dead, not out in clear text.</summary>
    private readonly bool _allowHttp = edge.Value.AllowHttp;

    public const string HttpClientName = "satupintu-webhooks";

    private readonly WebhookOptions _options = options.Value.Webhooks;
    private readonly IDataProtector _secrets = protection.CreateProtector(SubscriptionAdminApi.SecretPurpose);

    /// <summary>A claim outlasts the longest post (its timeout) with room for signing and saving the outcome.</summary>
    private TimeSpan ClaimFor => TimeSpan.FromSeconds(_options.TimeoutSeconds + 30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var poll = TimeSpan.FromMilliseconds(_options.PollIntervalMilliseconds);
        using var senders = new SemaphoreSlim(_options.Concurrency);
        var inFlight = new ConcurrentDictionary<long, Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await senders.WaitAsync(stoppingToken);
                WebhookDelivery? claimed = null;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    claimed = await claims.ClaimNextAsync(scope.ServiceProvider.GetRequiredService<MessagingDbContext>(), ClaimFor, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogLoopFailed(logger, ex);
                }

                if (claimed is null)
                {
                    senders.Release();
                    await signal.WaitAsync(poll, stoppingToken);
                    continue;
                }

                var delivery = claimed;
                inFlight[delivery.Id] = Task.Run(async () =>
                {
                    try
                    {
                        await SendAndRecordAsync(delivery, stoppingToken);
                    }
                    finally
                    {
                        inFlight.TryRemove(delivery.Id, out _);
                        senders.Release();
                        signal.Notify(); // the endpoint is free again: its next delivery may be due
                    }
                }, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(inFlight.Values);
    }

    private async Task SendAndRecordAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            var subscription = await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == delivery.SubscriptionId, stoppingToken);
            await SendAsync(delivery, subscription, stoppingToken);
            if (!await RecordOutcomeAsync(db, delivery, subscription))
            {
                LogClaimLost(logger, delivery.Id);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-post: give the delivery back for another instance (or the next start) to send.
            await using var scope = scopes.CreateAsyncScope();
            await claims.ReleaseAsync(scope.ServiceProvider.GetRequiredService<MessagingDbContext>(), delivery.Id, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The claim runs out and the delivery is tried again then.
            LogLoopFailed(logger, ex);
        }
    }

    /// <summary>
    /// Saves the outcome and gives the claim up. An event carrying a resident's personal data that reached the
    /// agency is also an audit record (their data left the gateway), committed with the outcome — even when the
    /// claim was lost meanwhile: this post did reach the agency.
    /// </summary>
    private Task<bool> RecordOutcomeAsync(MessagingDbContext db, WebhookDelivery delivery, EventSubscription? subscription)
    {
        if (delivery is not { Status: WebhookDeliveryStatus.Delivered, DataSubject: { } subject })
        {
            return claims.RecordAsync(db, delivery, CancellationToken.None);
        }

        return db.InTransactionAsync(async () =>
        {
            var kept = await claims.RecordAsync(db, delivery, CancellationToken.None);
            audit.Record(db, new AuditEntry("messaging.webhook.delivered", "event", delivery.EventId.ToString(),
                AuditSummary.Facts(new { delivery.EventType, subscription = delivery.SubscriptionId, delivery = delivery.Id }))
            {
                DataSubject = subject,
                Recipient = subscription?.AgencyCode,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            return kept;
        }, CancellationToken.None);
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

            if (!_allowHttp && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                delivery.LastError = "the webhook address is not https: webhooks carry citizens' data; subscribe again with an https:// address";
                delivery.Status = WebhookDeliveryStatus.Dead;
                LogDead(logger, delivery.Id, delivery.EventType, delivery.Attempts, delivery.LastError);
                return;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Delivery} was posted after its claim ran out; its outcome was not saved and it may be posted again")]
    private static partial void LogClaimLost(ILogger logger, long delivery);

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook sender failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}

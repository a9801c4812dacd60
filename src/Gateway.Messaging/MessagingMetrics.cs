using System.Diagnostics.Metrics;
using Gateway.Platform.Observability;

namespace Gateway.Messaging;

/// <summary>Counters an operator watches instead of per-event log lines.</summary>
internal sealed class MessagingMetrics
{
    public MessagingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryExtensions.GatewaySource);
        Published = meter.CreateCounter<long>("satupintu.outbox.published", "{event}", "Events published from the outbox");
        PublishFailures = meter.CreateCounter<long>("satupintu.outbox.publish_failures", "{event}", "Outbox publishes that failed and will be retried");
        Parked = meter.CreateCounter<long>("satupintu.outbox.parked", "{event}", "Outbox events set aside after Outbox:MaxAttempts failures");
        Duplicates = meter.CreateCounter<long>("satupintu.inbox.duplicates", "{event}", "Redelivered events skipped by a consumer's inbox");
        WebhookAttempts = meter.CreateCounter<long>("satupintu.webhooks.attempts", "{delivery}", "Webhook posts, tagged by outcome");
        InboxGroupSize = meter.CreateHistogram<int>("satupintu.inbox.group_size", "{event}", "Events an inbox consumer saved in one transaction");
    }

    public Counter<long> Published { get; }
    public Counter<long> PublishFailures { get; }
    public Counter<long> Parked { get; }
    public Counter<long> Duplicates { get; }
    public Counter<long> WebhookAttempts { get; }
    public Histogram<int> InboxGroupSize { get; }
}

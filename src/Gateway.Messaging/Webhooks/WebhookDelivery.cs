namespace Gateway.Messaging.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>Every retry failed: on the dead-letter list until an administrator replays it.</summary>
    Dead,
}

/// <summary>One event to post to one webhook subscription, with its retry state.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid EventId { get; set; }
    public required string EventType { get; set; }

    /// <summary>The body to post (a CloudEvents 1.0 JSON document), fixed when the delivery is created.</summary>
    public required string Body { get; set; }

    /// <summary>
    /// The resident whose personal data the event carries (its <c>CitizenId</c>), for events that carry any:
    /// a successful post is recorded in the audit trail as their data reaching the subscribing agency.
    /// </summary>
    public string? DataSubject { get; set; }

    public WebhookDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }

    /// <summary>The instance posting it now (see <c>WebhookClaims</c>), until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }
}

namespace Gateway.Messaging.Subscriptions;

/// <summary>How an agency's app wants an event type: from its own RabbitMQ queue, or pushed to a webhook.</summary>
public enum DeliveryMethod
{
    Amqp,
    Webhook,
}

/// <summary>An agency app's subscription to one event type: the registry behind the event catalogue.</summary>
public sealed class EventSubscription
{
    public Guid Id { get; set; }
    public required string AgencyCode { get; set; }
    public required string EventType { get; set; }
    public DeliveryMethod Delivery { get; set; }

    /// <summary>Where webhooks are posted; empty for AMQP.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The HMAC key for webhook signatures, encrypted with Data Protection; never returned after creation.</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>
    /// Only events about this agency (their <c>agencyCode</c> is the subscriber's): an agency gets the
    /// complaints routed to it, not every agency's. Webhooks only; AMQP queues receive the whole type.
    /// </summary>
    public bool OwnAgencyOnly { get; set; }

    public string? Description { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
}

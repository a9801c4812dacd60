namespace Gateway.Messaging.Subscriptions;

/// <summary>A subscription as the admin API shows it. The webhook secret is never shown again after creation.</summary>
public sealed record SubscriptionView(
    Guid Id,
    string AgencyCode,
    string EventType,
    DeliveryMethod Delivery,
    string? WebhookUrl,
    bool OwnAgencyOnly,
    string? Description,
    bool Active,
    DateTime CreatedAt,
    string? AmqpQueue);

/// <summary>The answer to a new webhook subscription: the only time the signing secret is returned.</summary>
public sealed record CreatedSubscriptionView(SubscriptionView Subscription, string? Secret);

/// <summary>One event type in the event catalogue.</summary>
public sealed record EventTypeView(
    string Name,
    string Version,
    string Description,
    string Exchange,
    string MessageType,
    IReadOnlyList<EventSubscriberView> Subscribers);

public sealed record EventSubscriberView(string AgencyCode, DeliveryMethod Delivery);

namespace Gateway.Messaging.Subscriptions;

/// <summary>A new subscription, as the admin API receives it.</summary>
public sealed record SubscriptionInput(
    string? AgencyCode,
    string? EventType,
    DeliveryMethod? Delivery,
    string? WebhookUrl,
    string? Secret,
    string? Description,
    bool OwnAgencyOnly = false);

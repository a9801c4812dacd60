namespace Gateway.Contracts.Events.V1;

/// <summary>
/// An agency's event subscription was created or deleted. Every gateway instance applies it to its
/// webhook fan-out at once; an agency can watch its own (never carries the webhook URL or secret).
/// </summary>
public sealed record SubscriptionChanged : IIntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SourceAgency { get; init; }
    public required Guid CorrelationId { get; init; }

    public required SubscriptionChangeKind Change { get; init; }

    public required Guid SubscriptionId { get; init; }

    /// <summary>The subscribing agency.</summary>
    public required string AgencyCode { get; init; }

    /// <summary>The event type subscribed to, e.g. <c>ComplaintRouted</c>.</summary>
    public required string EventType { get; init; }

    /// <summary><c>webhook</c> or <c>amqp</c>.</summary>
    public required string Delivery { get; init; }
}

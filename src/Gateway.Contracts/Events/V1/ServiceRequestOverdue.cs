namespace Gateway.Contracts.Events.V1;

/// <summary>A request passed the completion time its service standard promises and is not finished.</summary>
public sealed record ServiceRequestOverdue : IIntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SourceAgency { get; init; }
    public required Guid CorrelationId { get; init; }

    public required Guid RequestId { get; init; }
    public required string TrackingNumber { get; init; }
    public required string ServiceSlug { get; init; }
    public required string AgencyCode { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required ServiceRequestStatus Status { get; init; }
}

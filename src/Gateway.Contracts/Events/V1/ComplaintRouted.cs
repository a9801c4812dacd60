namespace Gateway.Contracts.Events.V1;

/// <summary>
/// A complaint was assigned to the agency that must answer it, with a response deadline. When no rule
/// matched, <see cref="AgencyCode"/> is the Diskominfo queue and <see cref="Unrouted"/> is true: never dropped.
/// </summary>
public sealed record ComplaintRouted : IIntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SourceAgency { get; init; }
    public required Guid CorrelationId { get; init; }

    public required Guid ComplaintId { get; init; }
    public required string Category { get; init; }
    public required ComplaintClass Class { get; init; }
    public required string AgencyCode { get; init; }
    public required bool Unrouted { get; init; }
    public required int ResponseWorkingDays { get; init; }
    public required DateTimeOffset ResponseDueAt { get; init; }
}

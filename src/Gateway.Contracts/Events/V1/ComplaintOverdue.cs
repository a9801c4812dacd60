namespace Gateway.Contracts.Events.V1;

/// <summary>A complaint passed its response deadline without an answer (published once per deadline).</summary>
public sealed record ComplaintOverdue : IIntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SourceAgency { get; init; }
    public required Guid CorrelationId { get; init; }

    public required Guid ComplaintId { get; init; }
    public required string Category { get; init; }
    public required string AgencyCode { get; init; }
    public required ComplaintStatus Status { get; init; }
    public required DateTimeOffset ResponseDueAt { get; init; }
}

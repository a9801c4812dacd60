namespace Gateway.Contracts.Events.V1;

/// <summary>
/// A complaint was answered, closed or reopened. The answer is what the complainant is told (it names no
/// complainant); the notification sender and the operators' wall follow these.
/// </summary>
public sealed record ComplaintStatusChanged : IIntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SourceAgency { get; init; }
    public required Guid CorrelationId { get; init; }

    public required Guid ComplaintId { get; init; }
    public required string AgencyCode { get; init; }
    public required ComplaintStatus Status { get; init; }
    public required ComplaintStatus PreviousStatus { get; init; }

    /// <summary>The agency's answer (when answered), or the complainant's reason (when reopened).</summary>
    public string? Text { get; init; }

    /// <summary>When the agency must answer by; a reopened complaint has a new deadline.</summary>
    public DateTimeOffset? ResponseDueAt { get; init; }
}

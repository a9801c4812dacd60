namespace Gateway.Contracts.Events.V1;

/// <summary>A service request moved on (e.g. verified, in process, completed, rejected).</summary>
public sealed record ServiceRequestStatusChanged : IIntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SourceAgency { get; init; }
    public required Guid CorrelationId { get; init; }

    public required Guid RequestId { get; init; }
    public required string TrackingNumber { get; init; }
    public required string ServiceSlug { get; init; }
    public required ServiceRequestStatus Status { get; init; }
    public required ServiceRequestStatus PreviousStatus { get; init; }

    /// <summary>What the citizen is told, e.g. "Dokumen KK belum terbaca, mohon unggah ulang".</summary>
    public string? Note { get; init; }
}

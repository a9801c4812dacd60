namespace Gateway.Contracts.Events.V1;

/// <summary>A service's status changed (up, degraded, down or unknown), as seen by the gateway's health checks.</summary>
public sealed record ServiceHealthChanged : IIntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SourceAgency { get; init; }
    public required Guid CorrelationId { get; init; }

    public required string ServiceSlug { get; init; }
    public required string AgencyCode { get; init; }
    public required ServiceHealthStatus Status { get; init; }
    public ServiceHealthStatus? PreviousStatus { get; init; }

    /// <summary>Since when the service has had this status.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>Why, in the operator's words (e.g. "3 of the last 5 probes failed: connection refused").</summary>
    public string? Detail { get; init; }
}

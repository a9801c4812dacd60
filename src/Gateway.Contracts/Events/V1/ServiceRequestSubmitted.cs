namespace Gateway.Contracts.Events.V1;

/// <summary>A citizen submitted a request for a service; the owning agency (or its adapter) takes it from here.</summary>
public sealed record ServiceRequestSubmitted : IIntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SourceAgency { get; init; }
    public required Guid CorrelationId { get; init; }

    public required Guid RequestId { get; init; }

    /// <summary>What the citizen quotes at the counter, e.g. "SP-2026-000123".</summary>
    public required string TrackingNumber { get; init; }

    public required string ServiceSlug { get; init; }
    public required string AgencyCode { get; init; }
    public required Guid CitizenId { get; init; }

    /// <summary>When the request must be completed, from the service standard's completion time in working days.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The form as submitted (field name to value), for the agency's own system.</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }
}

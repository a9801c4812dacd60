namespace Gateway.Contracts.Events.V1;

/// <summary>An agency, a service or how a service is exposed changed in the catalogue.</summary>
public sealed record CatalogueChanged : IIntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SourceAgency { get; init; }
    public required Guid CorrelationId { get; init; }

    public required CatalogueChangeKind Change { get; init; }

    /// <summary>The agency concerned (the service's agency for service changes).</summary>
    public required string AgencyCode { get; init; }

    /// <summary>The service concerned; absent for agency changes.</summary>
    public string? ServiceSlug { get; init; }

    /// <summary>The entry's version after the change (0 when it was removed).</summary>
    public required int Version { get; init; }
}

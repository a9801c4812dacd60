namespace Gateway.Contracts.Events.V1;

/// <summary>A citizen created a SatuPintu account. Personal data: queues carrying it must be access-controlled.</summary>
public sealed record CitizenRegistered : IIntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SourceAgency { get; init; }
    public required Guid CorrelationId { get; init; }

    public required Guid CitizenId { get; init; }

    /// <summary>The 16-digit national identity number, how every department keys its records.</summary>
    public required string Nik { get; init; }

    public required string FullName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
}

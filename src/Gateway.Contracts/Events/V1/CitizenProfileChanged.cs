namespace Gateway.Contracts.Events.V1;

/// <summary>
/// A citizen's profile changed (e.g. a change of address recorded by the civil registry), so that the
/// health, tax and other offices can update their own records. Personal data.
/// </summary>
public sealed record CitizenProfileChanged : IIntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SourceAgency { get; init; }
    public required Guid CorrelationId { get; init; }

    public required Guid CitizenId { get; init; }
    public required string Nik { get; init; }

    /// <summary>Names of the fields that changed: <c>fullName</c>, <c>address</c>, <c>email</c>, <c>phone</c>.</summary>
    public required IReadOnlyList<string> ChangedFields { get; init; }

    public string? FullName { get; init; }
    public CitizenAddress? Address { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
}

namespace Gateway.Contracts.Events.V1;

/// <summary>
/// A complaint arrived, from the gateway's complaint API or another channel (SP4N-LAPOR!, call centre,
/// social media). The gateway routes it to the responsible agency and answers with <see cref="ComplaintRouted"/>.
/// </summary>
public sealed record ComplaintFiled : IIntegrationEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SourceAgency { get; init; }
    public required Guid CorrelationId { get; init; }

    public required Guid ComplaintId { get; init; }
    public required ComplaintChannel Channel { get; init; }

    /// <summary>The complaint's topic, e.g. <c>jalan-rusak</c> (damaged road), <c>adminduk</c> (civil registry); routing rules match on it.</summary>
    public required string Category { get; init; }

    public required ComplaintClass Class { get; init; }
    public required string Subject { get; init; }
    public required string Description { get; init; }
    public string? Location { get; init; }

    /// <summary>The channel's own reference, e.g. the LAPOR! tracking id.</summary>
    public string? ExternalReference { get; init; }

    public Guid? CitizenId { get; init; }
}

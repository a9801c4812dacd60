namespace Gateway.Contracts.Adapters.V1;

/// <summary>Where a case stands in the legacy system, in the legacy system's words.</summary>
public sealed record LegacyStatusReport
{
    public required string ExternalReference { get; init; }
    public required string LegacyStatus { get; init; }

    /// <summary>What the agency wrote for the citizen, if anything (e.g. which document is missing).</summary>
    public string? Note { get; init; }
}

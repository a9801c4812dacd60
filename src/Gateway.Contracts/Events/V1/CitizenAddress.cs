namespace Gateway.Contracts.Events.V1;

/// <summary>An Indonesian address as the civil registry records it.</summary>
public sealed record CitizenAddress
{
    public required string Street { get; init; }

    /// <summary>RT/RW neighbourhood numbers, e.g. "003/007".</summary>
    public string? RtRw { get; init; }

    /// <summary>Kelurahan or desa (urban or rural village).</summary>
    public required string Village { get; init; }

    /// <summary>Kecamatan.</summary>
    public required string District { get; init; }

    public required string City { get; init; }
    public string? PostalCode { get; init; }
}

namespace Gateway.Contracts.Adapters.V1;

/// <summary>What the legacy system answered to a submission: its own reference and the status it gave.</summary>
public sealed record AdapterReceipt
{
    /// <summary>The legacy system's number for the case; used for every later status question.</summary>
    public required string ExternalReference { get; init; }

    /// <summary>The status exactly as the legacy system names it (e.g. <c>DITERIMA</c>).</summary>
    public required string LegacyStatus { get; init; }

    public string? Note { get; init; }
}

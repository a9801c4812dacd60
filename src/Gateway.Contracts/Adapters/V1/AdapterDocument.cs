namespace Gateway.Contracts.Adapters.V1;

/// <summary>A supporting document a citizen uploaded; the content is streamed separately.</summary>
public sealed record AdapterDocument
{
    public required Guid DocumentId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required long Length { get; init; }

    /// <summary>Lowercase hex SHA-256 of the content, for the legacy system to check what it received.</summary>
    public required string Sha256 { get; init; }
}

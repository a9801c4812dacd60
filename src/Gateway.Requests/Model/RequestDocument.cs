namespace Gateway.Requests.Model;

/// <summary>A supporting document: stored under a generated name (never the uploaded one), with its checksum.</summary>
public sealed class RequestDocument
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }

    /// <summary>The name the citizen gave it, cleaned; shown, never used as a path.</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }
    public long Length { get; set; }

    /// <summary>Lowercase hex SHA-256 of the content.</summary>
    public required string Sha256 { get; set; }

    public DateTime UploadedAt { get; set; }

    /// <summary>When the agency's system received it; null while it waits for the request to be filed.</summary>
    public DateTime? DeliveredAt { get; set; }
}

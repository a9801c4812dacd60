namespace Gateway.Catalogue.Model;

/// <summary>A city department (OPD), e.g. Disdukcapil or DPMPTSP.</summary>
public sealed class Agency
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Lowercase code used in URLs and path prefixes, e.g. <c>disdukcapil</c>. Never changes.</summary>
    public required string Code { get; set; }

    public required LocalizedText Name { get; set; }
    public required LocalizedText Description { get; set; }
    public required AgencyContact Contact { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: bumped on every change, exposed as the resource's ETag.</summary>
    public int Version { get; set; } = 1;

    public List<Service> Services { get; set; } = [];
}

public sealed record AgencyContact(string? Email, string? Phone, string? Address, string? Website);

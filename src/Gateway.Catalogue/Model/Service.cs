namespace Gateway.Catalogue.Model;

/// <summary>A public service an agency offers, with its published standard (Law 25/2009 art. 21).</summary>
public sealed class Service
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Lowercase, hyphenated, unique across the city, e.g. <c>akta-kelahiran</c>. Never changes.</summary>
    public required string Slug { get; set; }

    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }

    public required LocalizedText Name { get; set; }
    public required LocalizedText Description { get; set; }

    /// <summary>One of <see cref="Categories"/>.</summary>
    public required string Category { get; set; }

    public ServiceChannel Channel { get; set; }
    public required ServiceStandard Standard { get; set; }

    /// <summary>How the gateway exposes the agency app behind this service; null when not (yet) reachable through the gateway.</summary>
    public Exposure? Exposure { get; set; }

    public ServiceHealthRecord? Health { get; set; }

    /// <summary>
    /// The application form as a JSON Schema (flat: text, number and yes/no fields); null when the
    /// service takes no requests through the gateway. Kept as the administrator wrote it.
    /// </summary>
    public string? RequestForm { get; set; }

    /// <summary>What the gateway must know of a citizen before they use the service (its proxied app and its requests).</summary>
    public CitizenAssurance CitizenAssurance { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>
/// How sure the gateway must be of who a citizen is. A NIK typed at registration is only claimed; services
/// keyed by the NIK (the civil registry's own, for instance) should ask for a verified one.
/// </summary>
public enum CitizenAssurance
{
    /// <summary>Any signed-in citizen (or anyone, on a public service).</summary>
    Any,

    /// <summary>A citizen whose NIK was verified at a counter or against the civil registry.</summary>
    VerifiedNik,
}

/// <summary>How citizens obtain the service.</summary>
public enum ServiceChannel
{
    /// <summary>Entirely online.</summary>
    Online,

    /// <summary>At the agency's counter or the public-service mall (MPP).</summary>
    Counter,

    /// <summary>Apply online, finish at the counter (or the other way round).</summary>
    Hybrid,
}

using System.ComponentModel.DataAnnotations;

namespace Gateway.Catalogue;

/// <summary>Settings of the catalogue (section <c>Catalogue</c>).</summary>
public sealed class CatalogueOptions
{
    public const string Section = "Catalogue";

    /// <summary>Upstream timeout used when an exposure does not give one.</summary>
    [Range(1, 300)]
    public int DefaultTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How often each instance re-reads the catalogue from the database as a safety net, so replicas that
    /// share a database converge even if a change notification is missed. 0 turns it off.
    /// </summary>
    [Range(0, 3600)]
    public int RefreshSeconds { get; set; } = 30;
}

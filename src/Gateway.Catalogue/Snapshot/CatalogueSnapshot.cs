using Gateway.Catalogue.Model;

namespace Gateway.Catalogue.Snapshot;

/// <summary>
/// An immutable copy of the whole catalogue, swapped in whole on every change. The proxy routes, the
/// search index and the public API all read one snapshot, so they never disagree and never hit the
/// database per request. Its entities were loaded untracked and must not be modified; the next
/// snapshot reuses those that did not change (re-pointing them at the freshly read agencies).
/// </summary>
internal sealed class CatalogueSnapshot
{
    public static readonly CatalogueSnapshot Empty = new(0, DateTimeOffset.MinValue, [], []);

    public CatalogueSnapshot(long generation, DateTimeOffset loadedAt, IReadOnlyList<Agency> agencies, IReadOnlyList<Service> services)
    {
        Generation = generation;
        LoadedAt = loadedAt;
        Agencies = agencies.OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var agencyById = agencies.ToDictionary(a => a.Id);
        foreach (var service in services)
        {
            service.Agency = agencyById[service.AgencyId];
        }

        Services = services.OrderBy(s => s.Agency!.Code, StringComparer.Ordinal).ThenBy(s => s.Slug, StringComparer.Ordinal).ToList();
        BySlug = Services.ToDictionary(s => s.Slug, StringComparer.Ordinal);
        ById = Services.ToDictionary(s => s.Id);
        AgenciesByCode = Agencies.ToDictionary(a => a.Code, StringComparer.Ordinal);
        ServiceCountByAgency = Services.GroupBy(s => s.AgencyId).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Increases with every reload of this process.</summary>
    public long Generation { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>What the database looked like when this was loaded; see <see cref="CatalogueFingerprint"/>.</summary>
    public CatalogueFingerprint Fingerprint { get; init; }
    public IReadOnlyList<Agency> Agencies { get; }

    /// <summary>Ordered by agency code, then slug.</summary>
    public IReadOnlyList<Service> Services { get; }

    public IReadOnlyDictionary<string, Service> BySlug { get; }
    public IReadOnlyDictionary<Guid, Service> ById { get; }
    public IReadOnlyDictionary<string, Agency> AgenciesByCode { get; }
    public IReadOnlyDictionary<Guid, int> ServiceCountByAgency { get; }
}

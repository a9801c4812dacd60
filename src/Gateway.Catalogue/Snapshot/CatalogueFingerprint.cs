using Gateway.Catalogue.Model;
using Gateway.Catalogue.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Catalogue.Snapshot;

/// <summary>
/// Counts and latest update times of agencies and services: enough to tell that the catalogue changed,
/// because every edit (exposure included) bumps its service's or agency's <c>UpdatedAt</c> and every
/// delete lowers a count.
/// </summary>
internal readonly record struct CatalogueFingerprint(int Agencies, DateTimeOffset? AgencyUpdated, int Services, DateTimeOffset? ServiceUpdated)
{
    public static CatalogueFingerprint Of(IReadOnlyCollection<Agency> agencies, IReadOnlyCollection<Service> services) => new(
        agencies.Count,
        agencies.Count == 0 ? null : agencies.Max(a => a.UpdatedAt),
        services.Count,
        services.Count == 0 ? null : services.Max(s => s.UpdatedAt));

    public static async Task<CatalogueFingerprint> ReadAsync(CatalogueDbContext db, CancellationToken cancellationToken) => new(
        await db.Agencies.CountAsync(cancellationToken),
        await db.Agencies.MaxAsync(a => (DateTimeOffset?)a.UpdatedAt, cancellationToken),
        await db.Services.CountAsync(cancellationToken),
        await db.Services.MaxAsync(s => (DateTimeOffset?)s.UpdatedAt, cancellationToken));
}

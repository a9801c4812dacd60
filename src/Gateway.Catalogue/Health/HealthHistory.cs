using Gateway.Catalogue.Model;
using Gateway.Catalogue.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Catalogue.Health;

/// <summary>
/// Reads services' stored status changes for a window: the last change before it (the state the window
/// starts in) and every change within it, oldest first, per service. Two queries for any number of
/// services, on the (service, time) index.
/// </summary>
public sealed class HealthHistory(CatalogueDbContext db)
{
    public async Task<Dictionary<Guid, List<ServiceHealthChange>>> ChangesAsync(IReadOnlyCollection<Guid> serviceIds, DateTime from, CancellationToken cancellationToken)
    {
        var ids = serviceIds.ToList();
        var changes = db.ServiceHealthChanges.AsNoTracking().Where(c => ids.Contains(c.ServiceId));
        var before = await changes.Where(c => c.At < from)
            .GroupBy(c => c.ServiceId)
            .Select(g => g.OrderByDescending(c => c.At).First())
            .ToListAsync(cancellationToken);
        var within = await changes.Where(c => c.At >= from).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return ids.ToDictionary(id => id, id => before.Where(c => c.ServiceId == id).Concat(within.Where(c => c.ServiceId == id)).ToList());
    }
}

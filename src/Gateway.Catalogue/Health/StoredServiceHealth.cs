using Gateway.Catalogue.Events;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Persistence;
using Gateway.Platform.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Catalogue.Health;

/// <summary>
/// Stores the status changes the proxy observes beside their services, and announces each change of the
/// stored status (<c>ServiceHealthChanged</c>, through the outbox, in the same transaction).
/// </summary>
internal sealed class StoredServiceHealth(CatalogueEvents events, IServiceScopeFactory scopes, HealthVersion version) : IServiceHealthStore
{
    public async Task SaveAsync(IReadOnlyCollection<ServiceHealthEntry> changes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var ids = changes.Select(c => c.ServiceId).ToList();
        var existing = await db.ServiceHealth.Where(h => ids.Contains(h.ServiceId)).ToDictionaryAsync(h => h.ServiceId, cancellationToken);
        var agencyOf = await db.Services.Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, AgencyCode = s.Agency!.Code })
            .ToDictionaryAsync(s => s.Id, s => s.AgencyCode, cancellationToken);
        foreach (var change in changes.Where(c => agencyOf.ContainsKey(c.ServiceId)))
        {
            if (!existing.TryGetValue(change.ServiceId, out var record))
            {
                record = new ServiceHealthRecord { ServiceId = change.ServiceId, State = HealthState.Unknown };
                db.ServiceHealth.Add(record);
            }

            // Only a change of the *stored* state is news: with several replicas probing, the first to
            // store a transition announces it and the others find it already there.
            if (record.State != change.State)
            {
                events.HealthChanged(db, change, record.State, agencyOf[change.ServiceId]);
                db.ServiceHealthChanges.Add(new ServiceHealthChange { ServiceId = change.ServiceId, State = change.State, At = change.Since.UtcDateTime });
            }

            record.State = change.State;
            record.Since = change.Since;
            record.CheckedAt = change.CheckedAt;
            record.Detail = change.Detail;
        }

        await db.SaveChangesAsync(cancellationToken);
        version.Bump();
    }
}

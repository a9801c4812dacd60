using Gateway.Catalogue.Events;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Catalogue.Health;

/// <summary>
/// Stores status changes from the <see cref="ServiceHealthBoard"/>, batched, off the request path.
/// Status transitions are logged (they are what an operator wants to find later).
/// </summary>
internal sealed partial class ServiceHealthRecorder(
    ServiceHealthBoard board,
    CatalogueEvents events,
    IServiceScopeFactory scopes,
    ILogger<ServiceHealthRecorder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = board.Changes;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            var batch = new Dictionary<Guid, ServiceHealthEntry>();
            while (reader.TryRead(out var change))
            {
                batch[change.ServiceId] = change; // the latest change per service wins
                LogTransition(logger, change.Slug, change.State, change.Detail);
            }

            try
            {
                await SaveAsync(batch.Values, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The live board is still right; the stored "since" catches up with the next change.
                LogSaveFailed(logger, ex, batch.Count);
            }
        }
    }

    private async Task SaveAsync(IReadOnlyCollection<ServiceHealthEntry> changes, CancellationToken cancellationToken)
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
            }

            record.State = change.State;
            record.Since = change.Since;
            record.CheckedAt = change.CheckedAt;
            record.Detail = change.Detail;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Service {Service} is now {State}: {Detail}")]
    private static partial void LogTransition(ILogger logger, string service, HealthState state, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store {Count} service status change(s)")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, int count);
}

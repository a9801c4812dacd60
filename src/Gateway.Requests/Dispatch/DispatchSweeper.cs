using Gateway.Platform.Hosting;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Requests.Dispatch;

/// <summary>
/// The safety net: requests the agency's system has not accepted yet (its app was down, the bus lost
/// the message, the gateway restarted mid-call) are tried again when their next try is due. A request
/// is never dropped: it stays pending, with its problem visible to operators, until it is filed.
/// </summary>
internal sealed partial class DispatchSweeper(IServiceScopeFactory scopes, IOptions<RequestOptions> options, TimeProvider time, ILogger<DispatchSweeper> logger)
    : BackgroundService
{
    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DispatchSweepSeconds), time);
        while (await timer.NextTickOrStopAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, ex);
            }
        }
    }

    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            due = await db.Requests.AsNoTracking()
                .Where(r => r.Dispatch == DispatchState.Pending && r.NextDispatchAt <= now)
                .OrderBy(r => r.NextDispatchAt)
                .Select(r => r.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RequestDispatcher>().DispatchAsync(id, cancellationToken);
        }

        await DeliverDocumentsAsync(cancellationToken);
        return due.Count;
    }

    /// <summary>Documents waiting for their request to be filed, or for the agency's system to take them.</summary>
    private async Task DeliverDocumentsAsync(CancellationToken cancellationToken)
    {
        List<Guid> requests;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            requests = await db.Documents.AsNoTracking()
                .Where(d => d.DeliveredAt == null)
                .Join(db.Requests.Where(r => r.Dispatch == DispatchState.Filed), d => d.RequestId, r => r.Id, (d, _) => d.RequestId)
                .Distinct()
                .OrderBy(id => id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in requests)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Documents.DocumentDelivery>().DeliverPendingAsync(id, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatch sweep failed; it runs again at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}

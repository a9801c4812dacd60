using Gateway.Platform.Catalogue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Proxy.Health;

/// <summary>
/// Hands status changes from the <see cref="ServiceHealthBoard"/> to the store (the catalogue), batched, off the request path.
/// Status transitions are logged (they are what an operator wants to find later).
/// </summary>
internal sealed partial class ServiceHealthRecorder(
    ServiceHealthBoard board,
    IServiceHealthStore store,
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
                await store.SaveAsync(batch.Values, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The live board is still right; the stored "since" catches up with the next change.
                LogSaveFailed(logger, ex, batch.Count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Service {Service} is now {State}: {Detail}")]
    private static partial void LogTransition(ILogger logger, string service, HealthState state, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store {Count} service status change(s)")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, int count);
}

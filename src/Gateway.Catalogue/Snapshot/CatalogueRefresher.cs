using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Catalogue.Snapshot;

/// <summary>
/// Loads the catalogue when the gateway starts (after migrations, before traffic) and re-reads it every
/// <see cref="CatalogueOptions.RefreshSeconds"/> so replicas sharing one database converge.
/// </summary>
internal sealed partial class CatalogueRefresher(
    CatalogueState state,
    IOptions<CatalogueOptions> options,
    ILogger<CatalogueRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await state.ReloadAsync(cancellationToken);
        LogLoaded(logger, state.Current.Services.Count, state.Current.Agencies.Count);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.RefreshSeconds;
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await state.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep serving the last good catalogue; the database may be back on the next tick.
                LogRefreshFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue loaded: {Services} services from {Agencies} agencies")]
    private static partial void LogLoaded(ILogger logger, int services, int agencies);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue refresh failed; still serving the last loaded catalogue")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

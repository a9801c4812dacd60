using System.Diagnostics;
using System.Diagnostics.Metrics;
using Gateway.Catalogue.Health;
using Gateway.Catalogue.Persistence;
using Gateway.Catalogue.Proxy;
using Gateway.Platform.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Catalogue.Snapshot;

/// <summary>
/// Owns the current <see cref="CatalogueSnapshot"/>: reloads it from the database, hands the proxy its
/// new routes and keeps the health board in step. Reloads are serialised and coalesced: callers that
/// arrive while one runs are satisfied by the next single reload, which sees all their changes.
/// </summary>
internal sealed partial class CatalogueState(
    IServiceScopeFactory scopes,
    CatalogueProxyConfigProvider proxy,
    ProxyConfigFactory proxyFactory,
    ServiceHealthBoard health,
    FirstProbe firstProbe,
    TimeProvider time,
    IMeterFactory meters,
    ILogger<CatalogueState> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Histogram<double> _reloadDuration = meters.Create(TelemetryExtensions.GatewaySource)
        .CreateHistogram<double>("satupintu.catalogue.reload.duration", "s", "Time to reload the catalogue and rebuild routes");

    private CatalogueSnapshot _current = CatalogueSnapshot.Empty;
    private long _requested;
    private long _completed;

    public CatalogueSnapshot Current => Volatile.Read(ref _current);

    /// <summary>True once the first load finished; readiness waits for it.</summary>
    public bool IsLoaded => Current.Generation > 0;

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var ticket = Interlocked.Increment(ref _requested);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _completed) >= ticket)
            {
                return; // a reload that started after our change already ran
            }

            var covers = Volatile.Read(ref _requested);
            await LoadAsync(cancellationToken);
            Volatile.Write(ref _completed, covers);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reloads only when the database's catalogue differs from the loaded one (a cheap query).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        if (await CatalogueFingerprint.ReadAsync(db, cancellationToken) != Current.Fingerprint)
        {
            await ReloadAsync(cancellationToken);
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        var services = await db.Services.AsNoTracking()
            .Include(s => s.Exposure)
            .Include(s => s.Health)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var snapshot = new CatalogueSnapshot(Current.Generation + 1, time.GetUtcNow(), agencies, services);
        snapshot.Fingerprint = CatalogueFingerprint.Of(agencies, services);
        var newlyExposed = health.Follow(snapshot);
        var routes = proxyFactory.Build(snapshot);
        proxy.Update(routes);
        Volatile.Write(ref _current, snapshot);
        firstProbe.Start(newlyExposed);

        var elapsed = Stopwatch.GetElapsedTime(started);
        _reloadDuration.Record(elapsed.TotalSeconds);
        LogReloaded(logger, snapshot.Services.Count, routes.Routes.Count, elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Catalogue reloaded: {Services} services, {Routes} routes in {Milliseconds:F0} ms")]
    private static partial void LogReloaded(ILogger logger, int services, int routes, double milliseconds);
}

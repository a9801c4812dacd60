using System.Diagnostics;
using System.Diagnostics.Metrics;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Persistence;
using Gateway.Catalogue.Search;
using Gateway.Platform.Catalogue;
using Gateway.Platform.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Catalogue.Snapshot;

/// <summary>
/// Owns the current <see cref="CatalogueSnapshot"/>: reloads it from the database, publishes it to the
/// modules that observe it (<see cref="ICatalogueObserver"/>: the proxy's routes and health tracking) and
/// re-indexes it for search. When a reload returns, the change is live everywhere in this process. Reloads are serialised and coalesced: callers that
/// arrive while one runs are satisfied by the next single reload, which sees all their changes.
/// </summary>
internal sealed partial class CatalogueState(
    IServiceScopeFactory scopes,
    IEnumerable<ICatalogueObserver> observers,
    CataloguePublication publication,
    CatalogueSearchIndex search,
    TimeProvider time,
    IMeterFactory meters,
    ILogger<CatalogueState> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Histogram<double> _reloadDuration = meters.Create(TelemetryExtensions.GatewaySource)
        .CreateHistogram<double>("satupintu.catalogue.reload.duration", "s", "Time to reload the catalogue and rebuild routes");

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _changed = new();
    private CatalogueSnapshot _current = CatalogueSnapshot.Empty;
    private long _requested;
    private long _completed;
    private int _fullPending;
    private int _targetedPending;

    public CatalogueSnapshot Current => Volatile.Read(ref _current);

    /// <summary>True once the first load finished; readiness waits for it.</summary>
    public bool IsLoaded => Current.Generation > 0;

    /// <summary>Reloads whatever differs from the database: every service's version is compared.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _fullPending, 1);
        return RunAsync(null, cancellationToken);
    }

    /// <summary>
    /// Reloads the agencies and the named services only: what an edit of this instance, or another instance's
    /// event, says changed. With tens of thousands of services this reads a few rows instead of all versions.
    /// </summary>
    /// <param name="servedAlready">Skips the reload when, once it is this caller's turn, the snapshot already serves the change.</param>
    public Task ReloadAsync(IEnumerable<string> changedServices, Func<CatalogueSnapshot, bool>? servedAlready = null, CancellationToken cancellationToken = default)
    {
        foreach (var slug in changedServices)
        {
            _changed.Enqueue(slug);
        }

        Volatile.Write(ref _targetedPending, 1);
        return RunAsync(servedAlready, cancellationToken);
    }

    private async Task RunAsync(Func<CatalogueSnapshot, bool>? servedAlready, CancellationToken cancellationToken)
    {
        var ticket = Interlocked.Increment(ref _requested);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _completed) >= ticket || servedAlready?.Invoke(Current) == true)
            {
                return; // a reload that started after our change already ran
            }

            var covers = Volatile.Read(ref _requested);
            var full = Interlocked.Exchange(ref _fullPending, 0) == 1 | Current.Generation == 0;
            var targeted = Interlocked.Exchange(ref _targetedPending, 0) == 1;
            var changed = new HashSet<string>(StringComparer.Ordinal);
            while (_changed.TryDequeue(out var slug))
            {
                changed.Add(slug);
            }

            if (full || targeted)
            {
                await LoadAsync(full ? null : changed, cancellationToken);
            }

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

    /// <param name="changed">The services to re-read; null: compare every service's version.</param>
    private async Task LoadAsync(HashSet<string>? changed, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        List<Agency> agencies;
        List<Service> services;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
            agencies = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
            services = changed is null
                ? await ReadServicesAsync(db, Current, cancellationToken)
                : await ReadChangedAsync(db, Current, changed, cancellationToken);
        }

        var read = Stopwatch.GetTimestamp();
        var snapshot = new CatalogueSnapshot(Current.Generation + 1, time.GetUtcNow(), agencies, services)
        {
            Fingerprint = CatalogueFingerprint.Of(agencies, services),
        };
        var published = publication.Publish(snapshot);
        var built = Stopwatch.GetTimestamp();
        foreach (var observer in observers)
        {
            observer.Observe(published);
        }

        Volatile.Write(ref _current, snapshot);
        var applied = Stopwatch.GetTimestamp();
        search.Update(snapshot.Services);

        var elapsed = Stopwatch.GetElapsedTime(started);
        _reloadDuration.Record(elapsed.TotalSeconds);
        double readMs = Stopwatch.GetElapsedTime(started, read).TotalMilliseconds, buildMs = Stopwatch.GetElapsedTime(read, built).TotalMilliseconds,
            applyMs = Stopwatch.GetElapsedTime(built, applied).TotalMilliseconds, searchMs = Stopwatch.GetElapsedTime(applied).TotalMilliseconds;
        LogReloaded(logger, snapshot.Services.Count, published.Services.Count, elapsed.TotalMilliseconds, readMs, buildMs, applyMs, searchMs);
    }

    /// <summary>
    /// Every edit bumps its service's version, so only services whose (id, version) is new need reading
    /// in full; the rest are taken from the current snapshot. With thousands of services an edit then
    /// reads one row instead of all of them.
    /// </summary>
    private static async Task<List<Service>> ReadServicesAsync(CatalogueDbContext db, CatalogueSnapshot current, CancellationToken cancellationToken)
    {
        var full = db.Services.AsNoTracking().Include(s => s.Exposure).Include(s => s.Health).AsSplitQuery();
        if (current.Services.Count == 0)
        {
            return await full.ToListAsync(cancellationToken);
        }

        var versions = await db.Services.AsNoTracking().Select(s => new { s.Id, s.Version }).ToListAsync(cancellationToken);
        var stale = versions
            .Where(v => !current.ById.TryGetValue(v.Id, out var known) || known.Version != v.Version)
            .Select(v => v.Id)
            .ToList();
        if (stale.Count > versions.Count / 4)
        {
            return await full.ToListAsync(cancellationToken);
        }

        var fresh = stale.Count == 0
            ? []
            : await full.Where(s => stale.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        // A row changed between the two queries is read with its newer version; the next reload evens out.
        return [.. versions.Select(v => fresh.GetValueOrDefault(v.Id) ?? current.ById.GetValueOrDefault(v.Id)).OfType<Service>()];
    }

    /// <summary>The current services with the named ones read again (or dropped, when gone).</summary>
    private static async Task<List<Service>> ReadChangedAsync(CatalogueDbContext db, CatalogueSnapshot current, HashSet<string> changed, CancellationToken cancellationToken)
    {
        var fresh = changed.Count == 0
            ? []
            : await db.Services.AsNoTracking().Include(s => s.Exposure).Include(s => s.Health).AsSplitQuery()
                .Where(s => changed.Contains(s.Slug)).ToListAsync(cancellationToken);
        return [.. current.Services.Where(s => !changed.Contains(s.Slug)), .. fresh];
    }

    [LoggerMessage(Level = LogLevel.Debug, Message =
        "Catalogue reloaded: {Services} services, {Exposed} exposed in {Milliseconds:F0} ms " +
        "(read {ReadMs:F0}, publish {PublishMs:F0}, observers {ObserversMs:F0}, search {SearchMs:F0})")]
    private static partial void LogReloaded(ILogger logger, int services, int exposed, double milliseconds,
        double readMs, double publishMs, double observersMs, double searchMs);
}

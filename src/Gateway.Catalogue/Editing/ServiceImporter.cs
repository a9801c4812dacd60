using System.Diagnostics;
using Gateway.Catalogue.Events;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Persistence;
using Gateway.Contracts.Events.V1;
using Gateway.Platform.Database;
using Gateway.Platform.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gateway.Catalogue.Editing;

/// <summary>
/// Registers many services at once (a province aggregating its cities, a national catalogue): validated as
/// a whole and written in one transaction, so every row is imported or none is. A refusal names every
/// field at fault by row (<c>services[3].exposure.pathPrefix</c>), so a file is mended in one go. Each
/// service is announced as if created alone (<c>ServiceCreated</c>), and all are live on the proxy when
/// the import returns, after a single reload.
/// </summary>
public sealed partial class ServiceImporter
{
    /// <summary>Rows per import: large enough for an agency's whole catalogue, small enough for one transaction.</summary>
    public const int MaxServices = 5000;

    private static readonly ServiceInputValidator Validator = new();

    private readonly CatalogueDbContext _db;
    private readonly CatalogueWriteGate _gate;
    private readonly ExposureBuilder _exposures;
    private readonly CatalogueEvents _events;
    private readonly CatalogueAudit _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal ServiceImporter(CatalogueDbContext db, CatalogueWriteGate gate, ExposureBuilder exposures, CatalogueEvents events, CatalogueAudit audit, TimeProvider time, ILogger<ServiceImporter> logger)
    {
        _logger = logger;
        _db = db;
        _gate = gate;
        _exposures = exposures;
        _events = events;
        _audit = audit;
        _time = time;
    }

    public async Task<EditResult<IReadOnlyList<Service>>> ImportAsync(IReadOnlyList<ServiceInput?>? rows, CancellationToken cancellationToken = default)
    {
        if (rows is null || rows.Count == 0)
        {
            return EditFailure.Field(ProblemKind.Validation, "services", Messages.ImportEmpty);
        }

        if (rows.Count > MaxServices)
        {
            return EditFailure.Field(ProblemKind.Validation, "services", Messages.ImportTooLarge.With(MaxServices));
        }

        var report = new RowErrors();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { } row)
            {
                report.Add(i, "", Messages.RowEmpty.Localize());
                continue;
            }

            foreach (var (field, messages) in Validator.Validate(row).ToErrors())
            {
                report.Add(i, field, messages);
            }
        }

        var started = Stopwatch.GetTimestamp();
        long built = 0, saved = 0;
        var result = await _gate.WriteAsync(async () =>
        {
            var services = await BuildAsync(rows, report, cancellationToken);
            built = Stopwatch.GetTimestamp();
            if (report.Count > 0)
            {
                return new EditFailure(ProblemKind.Validation, Messages.ImportRefused.With(report.Rows, rows.Count), report.Errors);
            }

            var outcome = await SaveAsync(services, cancellationToken);
            saved = Stopwatch.GetTimestamp();
            return outcome;
        }, imported => imported.Select(s => s.Slug), cancellationToken);
        if (result.Failure is null)
        {
            double total = Stopwatch.GetElapsedTime(started).TotalMilliseconds, check = Stopwatch.GetElapsedTime(started, built).TotalMilliseconds,
                save = Stopwatch.GetElapsedTime(built, saved).TotalMilliseconds, live = Stopwatch.GetElapsedTime(saved).TotalMilliseconds;
            LogImported(_logger, rows.Count, total, check, save, live);
        }
        else
        {
            LogRefused(_logger, report.Rows, rows.Count);
        }

        return result;
    }

    /// <summary>The services of the rows that passed validation, checked against the catalogue and each other.</summary>
    private async Task<List<Service>> BuildAsync(IReadOnlyList<ServiceInput?> rows, RowErrors report, CancellationToken cancellationToken)
    {
        var agencies = await _db.Agencies.ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, cancellationToken);
        var taken = (await _db.Services.Select(s => s.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var checks = await _exposures.ChecksAsync(null, cancellationToken);
        var rowOfSlug = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = _time.GetUtcNow();
        var services = new List<Service>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { } row || report.Has(i))
            {
                continue;
            }

            var slug = row.Slug!;
            if (!agencies.TryGetValue(row.AgencyCode!, out var agency))
            {
                report.Add(i, "agencyCode", Messages.UnknownAgency.With(row.AgencyCode).Localize());
            }

            if (taken.Contains(slug))
            {
                report.Add(i, "slug", Messages.SlugInUse.With(slug).Localize());
            }
            else if (!rowOfSlug.TryAdd(slug, i))
            {
                report.Add(i, "slug", Messages.SlugRepeated.With(slug, rowOfSlug[slug]).Localize());
            }

            if (agency is null || report.Has(i))
            {
                continue;
            }

            var service = ServiceInputs.NewService(row, agency, now);
            if (row.Exposure is not null
                && await _exposures.ApplyAsync(service, agency, row.Exposure, "exposure.", checks, cancellationToken) is { } refused)
            {
                foreach (var (field, messages) in refused.Errors ?? new Dictionary<string, string[]>())
                {
                    report.Add(i, field, messages);
                }

                continue;
            }

            services.Add(service);
        }

        return services;
    }

    /// <summary>Rows saved per round trip of the change tracker; the transaction spans them all.</summary>
    private const int SaveChunk = 500;

    /// <summary>
    /// One transaction for the whole batch, saved in chunks with the change tracker cleared between them:
    /// EF Core's cost per save grows with what it tracks, and one save of thousands of services with their
    /// exposures and events spent most of its time there and in garbage collection.
    /// </summary>
    private async Task<EditResult<IReadOnlyList<Service>>> SaveAsync(List<Service> services, CancellationToken cancellationToken)
    {
        var agencyCodes = services.ToDictionary(s => s.Id, s => s.Agency!.Code);
        foreach (var service in services)
        {
            service.Agency = null; // the agency exists: only its key is written
        }

        try
        {
            // A retrying execution strategy (PostgreSQL) replays the whole transaction after a transient failure.
            await _db.InTransactionAsync(async () =>
            {
                foreach (var chunk in services.Chunk(SaveChunk))
                {
                    foreach (var service in chunk)
                    {
                        _db.Services.Add(service);
                        _events.ServiceChanged(_db, CatalogueChangeKind.ServiceCreated, service, agencyCodes[service.Id]);
                    }

                    await _db.SaveChangesAsync(cancellationToken);
                    _db.ChangeTracker.Clear();
                }

                _audit.ServicesImported(_db, services);
                await _db.SaveChangesAsync(cancellationToken);
                _db.ChangeTracker.Clear();
            }, cancellationToken); // all rows or none
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A concurrent writer (another replica) took a slug or a prefix meanwhile; nothing was written.
            return new EditFailure(ProblemKind.Conflict, Messages.ImportConflict);
        }

        return EditResult.Ok<IReadOnlyList<Service>>(services);
    }

    /// <summary>Errors by field, the field named with its row (<c>services[3].slug</c>).</summary>
    private sealed class RowErrors
    {
        private readonly HashSet<int> _rows = [];

        public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

        public int Count => Errors.Count;

        public int Rows => _rows.Count;

        public bool Has(int row) => _rows.Contains(row);

        public void Add(int row, string field, params string[] messages)
        {
            _rows.Add(row);
            var key = field.Length == 0 ? $"services[{row}]" : $"services[{row}].{field}";
            Errors[key] = Errors.TryGetValue(key, out var known) ? [.. known, .. messages] : messages;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Imported {Services} services in {Milliseconds:F0} ms (checked {CheckMs:F0}, saved {SaveMs:F0}, live {LiveMs:F0})")]
    private static partial void LogImported(ILogger logger, int services, double milliseconds, double checkMs, double saveMs, double liveMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import refused: {Rows} of {Total} rows at fault; nothing written")]
    private static partial void LogRefused(ILogger logger, int rows, int total);
}

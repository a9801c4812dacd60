using Gateway.Audit.Persistence;
using Gateway.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Audit.Chain;

/// <summary>
/// Chains the records the modules wrote, in the order they are found committed: each gets the next position
/// and the hash of the record before it. Modules write without locking a shared chain head (their saves would
/// queue behind each other); the sealer is the only writer of the chain. Positions are unique in the database,
/// so a second replica sealing at the same moment fails its save and tries again at its next round.
/// Each day's last record becomes the day's head, logged when the day is over.
/// </summary>
internal sealed partial class AuditSealer(
    IServiceScopeFactory scopes, AuditPruner pruner, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditSealer> logger)
    : BackgroundService
{
    private const int BatchSize = 500;

    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SealSeconds), time);
        do
        {
            try
            {
                while (await SealBatchAsync(stoppingToken) == BatchSize)
                {
                }

                if (time.GetUtcNow() >= _nextPrune)
                {
                    _nextPrune = time.GetUtcNow().AddSeconds(options.Value.PruneIntervalSeconds);
                    await using var scope = scopes.CreateAsyncScope();
                    if (await pruner.PruneAsync(scope.ServiceProvider.GetRequiredService<AuditDbContext>(), stoppingToken) is > 0 and var pruned)
                    {
                        LogPruned(logger, pruned, options.Value.RetentionDays);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSealFailed(logger, e.GetBaseException().Message); // another sealer won, or the database is away: next round
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Seals up to one batch; returns how many records it sealed.</summary>
    public async Task<int> SealBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var unsealed = await db.Records.Where(r => r.Sequence == null).OrderBy(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (unsealed.Count == 0)
        {
            return 0;
        }

        var last = await db.Records.AsNoTracking().Where(r => r.Sequence != null).OrderByDescending(r => r.Sequence)
            .Select(r => new { r.Sequence, r.Hash }).FirstOrDefaultAsync(cancellationToken);
        // With every sealed record pruned, the chain goes on from the anchor (the last one deleted).
        var anchor = last is null ? await db.Anchors.AsNoTracking().SingleOrDefaultAsync(cancellationToken) : null;
        var sequence = last?.Sequence ?? anchor?.Sequence ?? 0;
        var previous = last?.Hash ?? anchor?.Hash ?? AuditHash.Genesis;
        var now = time.GetUtcNow();
        foreach (var record in unsealed)
        {
            record.Sequence = ++sequence;
            record.PreviousHash = previous;
            record.SealedAt = now;
            record.Hash = AuditHash.Of(record);
            previous = record.Hash;
        }

        var closedDay = await MoveHeadAsync(db, DateOnly.FromDateTime(now.UtcDateTime), unsealed, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (closedDay is { } day)
        {
            LogDayHead(logger, day.Day, day.LastSequence, day.Hash, day.Records);
        }

        return unsealed.Count;
    }

    /// <summary>Today's head moves to the last record sealed; returns yesterday's (or an earlier day's) head the first time today seals.</summary>
    private static async Task<AuditHead?> MoveHeadAsync(AuditDbContext db, DateOnly today, List<AuditRecord> sealedNow, CancellationToken cancellationToken)
    {
        var head = await db.Heads.SingleOrDefaultAsync(h => h.Day == today, cancellationToken);
        AuditHead? closed = null;
        if (head is null)
        {
            closed = await db.Heads.AsNoTracking().OrderByDescending(h => h.Day).FirstOrDefaultAsync(cancellationToken);
            head = new AuditHead { Day = today, Hash = AuditHash.Genesis };
            db.Heads.Add(head);
        }

        head.LastSequence = sealedNow[^1].Sequence!.Value;
        head.Hash = sealedNow[^1].Hash!;
        head.Records += sealedNow.Count;
        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} audit records older than {Days} days; the chain is verified from the last one deleted (audit_anchor)")]
    private static partial void LogPruned(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing audit records failed; the next round tries again: {Reason}")]
    private static partial void LogSealFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit chain head of {Day}: sequence {Sequence}, hash {Hash} ({Records} records that day). Keep a copy: it proves the chain up to that day")]
    private static partial void LogDayHead(ILogger logger, DateOnly day, long sequence, string hash, int records);
}

using Gateway.Audit.Persistence;
using Gateway.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Audit.Chain;

/// <summary>
/// Deletes sealed records older than <see cref="AuditOptions.RetentionDays"/>, from the start of the chain
/// up to the last such record, and keeps that record's position and hash as the anchor the chain is
/// verified from. Records not yet sealed are never deleted. One transaction: records and anchor together.
/// </summary>
internal sealed class AuditPruner(IOptions<AuditOptions> options, TimeProvider time)
{
    public async Task<int> PruneAsync(AuditDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var last = await db.Records.AsNoTracking()
            .Where(r => r.Sequence != null && r.OccurredAt < cutoff)
            .OrderByDescending(r => r.Sequence)
            .Select(r => new { Sequence = r.Sequence!.Value, Hash = r.Hash! })
            .FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return 0;
        }

        var pruned = await db.InTransactionAsync(async () =>
        {
            var deleted = await db.Records.Where(r => r.Sequence != null && r.Sequence <= last.Sequence).ExecuteDeleteAsync(cancellationToken);
            var anchor = await db.Anchors.SingleOrDefaultAsync(cancellationToken);
            if (anchor is null)
            {
                db.Anchors.Add(new AuditAnchor { Sequence = last.Sequence, Hash = last.Hash, PrunedAt = time.GetUtcNow() });
            }
            else
            {
                anchor.Sequence = last.Sequence;
                anchor.Hash = last.Hash;
                anchor.PrunedAt = time.GetUtcNow();
            }

            await db.SaveChangesAsync(cancellationToken);
            return deleted;
        }, cancellationToken);
        db.ChangeTracker.Clear();
        return pruned;
    }
}

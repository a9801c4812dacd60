using Gateway.Audit.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Audit.Chain;

/// <summary>
/// Walks the chain in order and reports the first record that does not hold: a position missing (a record
/// deleted), a record pointing back to another hash than the one before it (records reordered or inserted),
/// a record whose content no longer gives its hash (edited), or a daily head the chain no longer reaches
/// (the latest records deleted). Records not yet sealed are counted, not checked.
/// </summary>
internal sealed class AuditVerifier(AuditDbContext db)
{
    private const int PageSize = 2000;

    public async Task<ChainReport> VerifyAsync(CancellationToken cancellationToken)
    {
        // After pruning, the kept chain starts after the anchor: the last record deleted, its hash kept.
        var anchor = await db.Anchors.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var prunedThrough = anchor?.Sequence ?? 0;
        var heads = await db.Heads.AsNoTracking().Where(h => h.LastSequence > prunedThrough).ToDictionaryAsync(h => h.LastSequence, cancellationToken);
        var expected = prunedThrough + 1;
        var previous = anchor?.Hash ?? AuditHash.Genesis;
        long checkedCount = 0;
        while (true)
        {
            var from = expected;
            var page = await db.Records.AsNoTracking().Where(r => r.Sequence >= from).OrderBy(r => r.Sequence).Take(PageSize).ToListAsync(cancellationToken);
            foreach (var record in page)
            {
                if (record.Sequence != expected)
                {
                    return await ReportAsync(checkedCount, new ChainBreak(expected, null, "missing",
                        $"The record at position {expected} is missing (deleted); the chain goes on at {record.Sequence}."), cancellationToken);
                }

                if (record.PreviousHash != previous)
                {
                    return await ReportAsync(checkedCount, new ChainBreak(expected, record.Id, "out-of-order",
                        "This record does not point back to the record before it: records were reordered, inserted or deleted."), cancellationToken);
                }

                if (AuditHash.Of(record) != record.Hash)
                {
                    return await ReportAsync(checkedCount, new ChainBreak(expected, record.Id, "edited",
                        "This record's content no longer gives its hash: it was edited after it was sealed."), cancellationToken);
                }

                if (heads.Remove(expected, out var head) && head.Hash != record.Hash)
                {
                    return await ReportAsync(checkedCount, new ChainBreak(expected, record.Id, "head-mismatch",
                        $"The published head of {head.Day:yyyy-MM-dd} names another hash for this position."), cancellationToken);
                }

                previous = record.Hash!;
                expected++;
                checkedCount++;
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        if (heads.Count > 0)
        {
            var beyond = heads.Values.OrderBy(h => h.LastSequence).First();
            return await ReportAsync(checkedCount, new ChainBreak(expected, null, "missing",
                $"The head of {beyond.Day:yyyy-MM-dd} is at position {beyond.LastSequence}, beyond the last record: records at the end were deleted."), cancellationToken);
        }

        return await ReportAsync(checkedCount, null, cancellationToken);
    }

    private async Task<ChainReport> ReportAsync(long checkedCount, ChainBreak? broken, CancellationToken cancellationToken)
    {
        var pending = await db.Records.CountAsync(r => r.Sequence == null, cancellationToken);
        var anchor = await db.Anchors.AsNoTracking().Select(a => (long?)a.Sequence).SingleOrDefaultAsync(cancellationToken);
        return new ChainReport(broken is null, checkedCount, pending, broken, anchor);
    }
}

/// <summary>The outcome of a verification: how many sealed records hold, how many wait to be sealed, and the first break.</summary>
/// <param name="PrunedThrough">The last position deleted by retention (the kept chain starts after it); null when nothing was pruned.</param>
public sealed record ChainReport(bool Valid, long Checked, int Pending, ChainBreak? FirstBroken, long? PrunedThrough);

/// <summary>Where the chain first fails: the position, the record there (if any) and why.</summary>
public sealed record ChainBreak(long Sequence, long? RecordId, string Reason, string Detail);

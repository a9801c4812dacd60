using Gateway.Messaging.Bus;
using Gateway.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Messaging.Webhooks;

/// <summary>
/// Claims due webhook deliveries one at a time, across every instance on the database: a claimed row is
/// this instance's until its claim runs out (longer than a post may take), so no delivery is posted twice
/// at once, and a crashed instance's claims simply expire. A subscription with a delivery in flight is
/// passed over, so one slow or dead endpoint holds at most one sender, never the other subscribers.
/// </summary>
internal sealed class WebhookClaims(InstanceIdentity instance, TimeProvider time)
{
    // {0} this instance, {1} its claim's end, {2} now.
    private const string Claim = """
        UPDATE webhook_deliveries SET claimed_by = {0}, claimed_until = {1}
        WHERE id = (
            SELECT d.id FROM webhook_deliveries d
            WHERE d.status = 'Pending' AND d.next_attempt_at <= {2}
              AND (d.claimed_until IS NULL OR d.claimed_until < {2})
              AND NOT EXISTS (SELECT 1 FROM webhook_deliveries o
                              WHERE o.subscription_id = d.subscription_id AND o.status = 'Pending' AND o.claimed_until >= {2})
            ORDER BY d.next_attempt_at, d.id
            LIMIT 1 LOCKING)
        RECHECK
        RETURNING id AS "Value"
        """;

    // PostgreSQL: SKIP LOCKED lets concurrent instances pass over each other's candidate rows instead of
    // queueing behind them; the outer condition re-checks the claim on the row that is finally updated.
    private static readonly string PostgresClaim = Claim
        .Replace("LOCKING", "FOR UPDATE SKIP LOCKED", StringComparison.Ordinal)
        .Replace("RECHECK", "AND (claimed_until IS NULL OR claimed_until < {2})", StringComparison.Ordinal);

    // SQLite runs one write at a time, so the UPDATE with its sub-select is atomic as it stands.
    private static readonly string SqliteClaim = Claim
        .Replace(" LOCKING", "", StringComparison.Ordinal)
        .Replace("RECHECK", "", StringComparison.Ordinal);

    /// <summary>The next due delivery, now claimed by this instance for <paramref name="claimFor"/>; null when none is due.</summary>
    public async Task<WebhookDelivery?> ClaimNextAsync(MessagingDbContext db, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sql = db.Database.IsNpgsql() ? PostgresClaim : SqliteClaim;
        var ids = await db.Database
            .SqlQueryRaw<long>(sql, instance.Name, now + claimFor, now)
            .ToListAsync(cancellationToken);
        return ids.Count == 0
            ? null
            : await db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == ids[0], cancellationToken);
    }

    /// <summary>Saves the outcome of one post and gives the claim up; false when the claim had been lost meanwhile.</summary>
    public async Task<bool> RecordAsync(MessagingDbContext db, WebhookDelivery d, CancellationToken cancellationToken) =>
        await db.WebhookDeliveries
            .Where(x => x.Id == d.Id && x.ClaimedBy == instance.Name)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, d.Status)
                .SetProperty(x => x.Attempts, d.Attempts)
                .SetProperty(x => x.NextAttemptAt, d.NextAttemptAt)
                .SetProperty(x => x.DeliveredAt, d.DeliveredAt)
                .SetProperty(x => x.LastStatusCode, d.LastStatusCode)
                .SetProperty(x => x.LastError, d.LastError)
                .SetProperty(x => x.ClaimedBy, (string?)null)
                .SetProperty(x => x.ClaimedUntil, (DateTime?)null), cancellationToken) == 1;

    /// <summary>Gives a claim up unsent (the instance is stopping), so another instance takes it at once.</summary>
    public Task ReleaseAsync(MessagingDbContext db, long id, CancellationToken cancellationToken) =>
        db.WebhookDeliveries
            .Where(x => x.Id == id && x.ClaimedBy == instance.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedBy, (string?)null).SetProperty(x => x.ClaimedUntil, (DateTime?)null), cancellationToken);
}

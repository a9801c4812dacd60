using Microsoft.EntityFrameworkCore;

namespace Gateway.Platform.Database;

/// <summary>
/// One database transaction under the provider's execution strategy: with PostgreSQL's retrying strategy a
/// transient failure (a failover, a dropped connection) replays the whole unit, so everything the unit
/// writes — the change, its outbox event, its audit record — is written inside <c>work</c>. A replay starts
/// from an empty change tracker: what the failed attempt added was rolled back and must not be saved twice.
/// </summary>
public static class Transactions
{
    /// <summary>Runs <paramref name="work"/> and commits; an exception rolls everything back.</summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<Task<T>> work, CancellationToken cancellationToken) =>
        db.InTransactionAsync(work, static _ => true, cancellationToken);

    /// <summary>Runs <paramref name="work"/> and commits only when <paramref name="commit"/> says so; otherwise nothing it wrote stays.</summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        var attempts = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (attempts++ > 0)
            {
                db.ChangeTracker.Clear();
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work();
            if (commit(result))
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result; // not committed: disposing the transaction rolls it back
        });
    }

    public static Task InTransactionAsync(this DbContext db, Func<Task> work, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            await work();
            return true;
        }, cancellationToken);
}

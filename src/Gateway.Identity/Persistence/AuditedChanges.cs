using Gateway.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Identity.Persistence;

/// <summary>
/// Runs a change made through ASP.NET Core Identity's or OpenIddict's managers (which save on their own) and
/// its audit record in one transaction: both are stored or neither. A change that is refused (its record is
/// null) is rolled back with nothing recorded.
/// </summary>
internal sealed class AuditedChanges(IdentityStoreDbContext db, AuditTrail trail)
{
    public Task RunAsync(Func<Task> change, AuditEntry entry, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await change();
            return true;
        }, _ => entry, cancellationToken);

    public async Task<T> RunAsync<T>(Func<Task<T>> change, Func<T, AuditEntry?> entryFor, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await change();
            if (entryFor(result) is not { } entry)
            {
                return result; // refused: disposing the transaction rolls back whatever was written
            }

            trail.Record(db, entry);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }
}

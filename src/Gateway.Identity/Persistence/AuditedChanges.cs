using Gateway.Platform.Audit;
using Gateway.Platform.Database;

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
        var (result, _) = await db.InTransactionAsync(async () =>
        {
            var changed = await change();
            if (entryFor(changed) is not { } entry)
            {
                return (Result: changed, Recorded: false); // refused: rolled back, whatever was written
            }

            trail.Record(db, entry);
            await db.SaveChangesAsync(cancellationToken);
            return (Result: changed, Recorded: true);
        }, outcome => outcome.Recorded, cancellationToken);
        return result;
    }
}

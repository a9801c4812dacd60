using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gateway.Messaging.Outbox;

/// <summary>
/// Wakes the dispatcher when this instance commits events, so they go out in milliseconds instead of
/// at the next poll. Registered as an EF interceptor on every module's context. A save inside an
/// explicit transaction wakes it at the commit: woken at the save, the dispatcher would look before the
/// rows are visible and then sleep a whole poll interval.
/// </summary>
internal sealed class OutboxSignal : SaveChangesInterceptor, IDbTransactionInterceptor, IDisposable
{
    // After a save the entries are Unchanged, so whether events were added is noted before it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Pending = [];
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> AwaitingCommit = [];
    private static readonly object Marker = new();

    private readonly SemaphoreSlim _pending = new(0, 1);

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);

    public void Notify()
    {
        // At most one wake-up queued: the dispatcher drains everything pending when it runs.
        if (_pending.CurrentCount == 0)
        {
            try
            {
                _pending.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread queued it first.
            }
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfEvents(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>A failed save published nothing: forget it, or the pooled context's next save would find a stale mark.</summary>
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }

    private static void Remember(DbContext? context)
    {
        if (context is not null && context.Model.FindEntityType(typeof(OutboxMessage)) is not null
            && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            // AddOrUpdate: contexts are pooled, and a failed save leaves its mark behind (see SaveChangesFailed).
            Pending.AddOrUpdate(context, Marker);
        }
    }

    private void WakeIfEvents(DbContext? context)
    {
        if (context is null || !Pending.Remove(context))
        {
            return;
        }

        if (context.Database.CurrentTransaction is not null)
        {
            AwaitingCommit.AddOrUpdate(context, Marker);
            return;
        }

        Notify();
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && AwaitingCommit.Remove(context))
        {
            Notify();
        }
    }

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            AwaitingCommit.Remove(context);
        }
    }

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void Dispose() => _pending.Dispose();
}

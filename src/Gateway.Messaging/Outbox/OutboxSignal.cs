using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gateway.Messaging.Outbox;

/// <summary>
/// Wakes the dispatcher when this instance commits events, so they go out in milliseconds instead of
/// at the next poll. Registered as an EF interceptor on every module's context.
/// </summary>
internal sealed class OutboxSignal : SaveChangesInterceptor, IDisposable
{
    // After a save the entries are Unchanged, so whether events were added is noted before it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Pending = [];
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

    private static void Remember(DbContext? context)
    {
        if (context is not null && context.Model.FindEntityType(typeof(OutboxMessage)) is not null
            && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            Pending.Add(context, Marker);
        }
    }

    private void WakeIfEvents(DbContext? context)
    {
        if (context is not null && Pending.Remove(context))
        {
            Notify();
        }
    }

    public void Dispose() => _pending.Dispose();
}

using System.Collections.Concurrent;

namespace Gateway.Identity.DataAccess;

/// <summary>
/// Counts, in memory, the identity tokens the proxy hands agency apps: per person, agency, service, hour
/// and whether the NIK was in them. Writing an audit record per proxied request would put a database write
/// on the proxy's hot path; <see cref="ForwardedDataFlusher"/> writes the counts instead, every few minutes
/// and when the gateway stops. A count is an increment on an entry made once per person and service.
/// </summary>
public sealed class ForwardedDataLedger(TimeProvider time)
{
    private ConcurrentDictionary<ForwardKey, Tally> _open = new();

    public void Note(string subject, string agency, string service, bool nik)
    {
        var hour = time.GetUtcNow().UtcTicks / TimeSpan.TicksPerHour;
        var tally = _open.GetOrAdd(new ForwardKey(subject, agency, service, hour, nik), static _ => new Tally());
        Interlocked.Increment(ref tally.Count);
    }

    /// <summary>
    /// Everything counted so far, leaving the ledger empty. A request that found its entry just before the swap
    /// increments it nanoseconds later, so the counts are read after a short grace.
    /// </summary>
    public async Task<List<(ForwardKey Key, long Count)>> TakeAsync(CancellationToken cancellationToken)
    {
        var taken = Interlocked.Exchange(ref _open, new ConcurrentDictionary<ForwardKey, Tally>());
        if (taken.IsEmpty)
        {
            return [];
        }

        await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        return [.. taken.Select(e => (e.Key, Volatile.Read(ref e.Value.Count)))];
    }

    /// <summary>Counts that could not be written (database away) go back, to be written with the next ones.</summary>
    public void PutBack(IEnumerable<(ForwardKey Key, long Count)> counts)
    {
        foreach (var (key, count) in counts)
        {
            var tally = _open.GetOrAdd(key, static _ => new Tally());
            Interlocked.Add(ref tally.Count, count);
        }
    }

    private sealed class Tally
    {
        public long Count;
    }
}

/// <summary>Whose data went to which agency's service in which hour (UTC hours since 0001-01-01), and whether with the NIK.</summary>
public readonly record struct ForwardKey(string Subject, string Agency, string Service, long Hour, bool Nik);

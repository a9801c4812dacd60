using System.Collections.Concurrent;
using System.Threading.Channels;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Snapshot;

namespace Gateway.Catalogue.Health;

/// <summary>The live status of one exposed service.</summary>
internal sealed record ServiceHealthEntry(Guid ServiceId, string Slug, HealthState State, DateTimeOffset Since, DateTimeOffset CheckedAt, string? Detail);

/// <summary>
/// Live status of every exposed service, in memory for the catalogue API and the operators' wall.
/// State changes (not every check) are queued for <see cref="ServiceHealthRecorder"/> to store.
/// </summary>
internal sealed class ServiceHealthBoard(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ServiceHealthEntry> _entries = new(StringComparer.Ordinal);
    private readonly Channel<ServiceHealthEntry> _changes = Channel.CreateUnbounded<ServiceHealthEntry>(new() { SingleReader = true });

    public ChannelReader<ServiceHealthEntry> Changes => _changes.Reader;

    public ServiceHealthEntry? Get(string slug) => _entries.TryGetValue(slug, out var entry) ? entry : null;

    public IReadOnlyDictionary<string, ServiceHealthEntry> All() => _entries;

    /// <summary>Starts tracking newly exposed services (with their stored status) and forgets removed ones.</summary>
    /// <returns>The slugs tracked for the first time.</returns>
    public IReadOnlyCollection<string> Follow(CatalogueSnapshot snapshot)
    {
        var added = new List<string>();
        var now = Now();
        var exposed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in snapshot.Services.Where(s => s.Exposure is not null))
        {
            exposed.Add(service.Slug);
            if (_entries.ContainsKey(service.Slug))
            {
                continue;
            }

            added.Add(service.Slug);
            _entries.TryAdd(service.Slug, service.Health is { } stored
                ? new ServiceHealthEntry(service.Id, service.Slug, stored.State, stored.Since, stored.CheckedAt, stored.Detail)
                : new ServiceHealthEntry(service.Id, service.Slug, HealthState.Unknown, now, now, "not checked yet"));
        }

        foreach (var slug in _entries.Keys.Where(k => !exposed.Contains(k)))
        {
            _entries.TryRemove(slug, out _);
        }

        return added;
    }

    public void Report(string slug, HealthVerdict verdict)
    {
        var now = Now();
        while (_entries.TryGetValue(slug, out var current))
        {
            if (verdict.State == HealthState.Unknown && current.State != HealthState.Unknown)
            {
                return; // not observed yet in this process: the last known (stored) status stands
            }

            var changed = current.State != verdict.State;
            var next = changed
                ? current with { State = verdict.State, Since = now, CheckedAt = now, Detail = verdict.Detail }
                : current with { CheckedAt = now, Detail = verdict.Detail };
            if (_entries.TryUpdate(slug, next, current))
            {
                if (changed)
                {
                    _changes.Writer.TryWrite(next);
                }

                return;
            }
        }
    }

    /// <summary>Milliseconds are all PostgreSQL and SQLite keep; the live value must equal the stored one.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}

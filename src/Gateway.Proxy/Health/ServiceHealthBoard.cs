using System.Collections.Concurrent;
using System.Threading.Channels;
using Gateway.Platform.Catalogue;

namespace Gateway.Proxy.Health;

/// <summary>
/// Live status of every exposed service, in memory for the catalogue API and the operators' wall.
/// State changes (not every check) are queued for <see cref="ServiceHealthRecorder"/> to store.
/// </summary>
internal sealed class ServiceHealthBoard(UpstreamClusters clusters, TimeProvider time) : IServiceHealthBoard
{
    private volatile Dictionary<string, string[]> _servicesByCluster = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServiceHealthEntry> _entries = new(StringComparer.Ordinal);
    private readonly Channel<ServiceHealthEntry> _changes = Channel.CreateUnbounded<ServiceHealthEntry>(new() { SingleReader = true });

    public ChannelReader<ServiceHealthEntry> Changes => _changes.Reader;

    public ServiceHealthEntry? Find(string slug) => _entries.TryGetValue(slug, out var entry) ? entry : null;

    public IReadOnlyCollection<ServiceHealthEntry> All() => [.. _entries.Values];

    /// <summary>
    /// Starts tracking newly exposed services (with their stored status), forgets removed ones and learns
    /// which services share each cluster (<see cref="UpstreamClusters"/>).
    /// </summary>
    /// <returns>New clusters, and those of services tracked for the first time: worth probing now.</returns>
    public IReadOnlyCollection<string> Follow(PublishedCatalogue catalogue)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        var now = Now();
        var exposed = new HashSet<string>(StringComparer.Ordinal);
        var byCluster = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var service in catalogue.Services)
        {
            exposed.Add(service.Slug);
            var cluster = clusters.IdOf(service.Exposure);
            if (!byCluster.TryGetValue(cluster, out var slugs))
            {
                byCluster[cluster] = slugs = [];
            }

            slugs.Add(service.Slug);
            if (_entries.ContainsKey(service.Slug))
            {
                continue;
            }

            added.Add(cluster);
            _entries.TryAdd(service.Slug, service.LastHealth is { } stored
                ? stored
                : new ServiceHealthEntry(service.Id, service.Slug, HealthState.Unknown, now, now, "not checked yet"));
        }

        foreach (var slug in _entries.Keys.Where(k => !exposed.Contains(k)))
        {
            _entries.TryRemove(slug, out _);
        }

        added.UnionWith(byCluster.Keys.Where(c => !_servicesByCluster.ContainsKey(c))); // an upstream new to the proxy
        _servicesByCluster = byCluster.ToDictionary(c => c.Key, c => c.Value.ToArray(), StringComparer.Ordinal);
        return added;
    }

    /// <summary>Records a cluster's status for every service sent to it.</summary>
    public void Report(string clusterId, HealthVerdict verdict)
    {
        if (_servicesByCluster.TryGetValue(clusterId, out var slugs))
        {
            foreach (var slug in slugs)
            {
                ReportService(slug, verdict);
            }
        }
    }

    private void ReportService(string slug, HealthVerdict verdict)
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

using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy.Health;

/// <summary>
/// Active health probing, one request per distinct health URL per interval. YARP probes per cluster, so
/// twenty services on one agency app meant twenty identical probes every interval against a legacy app
/// that is often the weakest part of the chain (and ~130 µs of gateway CPU each: 6.6 % of a core for
/// 5,000 services). The result of each probe is recorded for every service behind that URL as soon as it
/// arrives. YARP's own prober stays configured with an hourly interval as a backstop, so that its
/// availability logic keeps treating active health as enabled.
/// </summary>
internal sealed partial class SharedProber(
    IProxyStateLookup proxy,
    ServiceHealthPolicy policy,
    IOptions<HealthCheckOptions> options,
    Gateway.Platform.Edge.Outbound.OutboundGuard outbound,
    ILogger<SharedProber> logger) : BackgroundService
{
    /// <summary>Probes under way at once; a round of thousands of URLs must not open thousands of sockets.</summary>
    private const int Parallelism = 32;

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(options.Value.ProbeTimeoutSeconds),
        ConnectCallback = outbound.ConnectAsync,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ProbeIntervalSeconds));
        do
        {
            try
            {
                await ProbeAsync(proxy.GetClusters(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(logger, ex); // the next round tries again; statuses keep their last value
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Probes these clusters now, without waiting for the next round (those of newly exposed services).</summary>
    public void ProbeSoon(IReadOnlyCollection<string> clusterIds)
    {
        var clusters = clusterIds.Select(id => proxy.TryGetCluster(id, out var c) ? c : null).OfType<ClusterState>().ToList();
        if (clusters.Count > 0)
        {
            _ = ProbeAsync(clusters, CancellationToken.None);
        }
    }

    private async Task ProbeAsync(IEnumerable<ClusterState> clusters, CancellationToken cancellationToken)
    {
        var byUrl = new Dictionary<string, List<(ClusterState Cluster, DestinationState Destination)>>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            var active = cluster.Model.Config.HealthCheck?.Active;
            if (active is not { Enabled: true, Path: { } path })
            {
                continue;
            }

            foreach (var destination in cluster.Destinations.Values)
            {
                // The same address YARP's prober would use: the destination address with the path appended.
                var url = destination.Model.Config.Address.TrimEnd('/') + path;
                if (!byUrl.TryGetValue(url, out var behind))
                {
                    byUrl[url] = behind = [];
                }

                behind.Add((cluster, destination));
            }
        }

        await Parallel.ForEachAsync(byUrl, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                var succeeded = await ProbeOnceAsync(entry.Key, token);
                foreach (var (cluster, destination) in entry.Value)
                {
                    policy.Record(cluster, [(destination, succeeded)]);
                }
            });
    }

    private async Task<bool> ProbeOnceAsync(string url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.ProbeTimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // refused, reset, timed out, malformed answer: the app is not answering well
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A health probe round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }
}

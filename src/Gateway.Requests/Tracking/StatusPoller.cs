using Gateway.Adapters.Sdk.Calls;
using Gateway.Platform.Hosting;
using Gateway.Requests.Adapters;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Requests.Tracking;

/// <summary>
/// Asks each adapter service, every <c>Requests:AdapterServicePollSeconds</c>, where its open requests stand,
/// and records what changed there. A status the adapter cannot map is not guessed: the request keeps its status
/// and shows the problem to operators until the adapter is fixed.
/// </summary>
internal sealed partial class StatusPoller(
    IServiceScopeFactory scopes, IOptions<RequestOptions> options, TimeProvider time, ILogger<StatusPoller> logger)
    : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPoll = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.NextTickOrStopAsync(stoppingToken))
        {
            try
            {
                await PollDueAdaptersAsync(nextPoll, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Listing the adapters reads the database: when it is away, try again next tick rather than
                // let the exception end this service (which would stop the whole gateway).
                LogRoundFailed(logger, ex);
            }
        }
    }

    private async Task PollDueAdaptersAsync(Dictionary<string, DateTimeOffset> nextPoll, CancellationToken stoppingToken)
    {
        foreach (var name in await AdapterNamesAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
            if (now < nextPoll.GetValueOrDefault(name, DateTimeOffset.MinValue))
            {
                continue;
            }

            nextPoll[name] = now.AddSeconds(options.Value.AdapterServicePollSeconds);
            try
            {
                await PollAsync(name, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(logger, name, ex);
            }
        }
    }

    /// <summary>The adapter services that hold open requests (they come and go with the catalogue).</summary>
    private async Task<List<string>> AdapterNamesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        return await db.Requests
            .Where(r => r.AdapterName.StartsWith(AdapterConnections.ServicePrefix) && r.Dispatch == DispatchState.Filed && !RequestStatuses.Final.Contains(r.Status))
            .Select(r => r.AdapterName).Distinct().ToListAsync(cancellationToken);
    }

    /// <returns>How many requests changed status.</returns>
    internal async Task<int> PollAsync(string adapterName, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        var recorder = scope.ServiceProvider.GetRequiredService<StatusRecorder>();
        if (scope.ServiceProvider.GetRequiredService<AdapterConnections>().For(adapterName) is not { } adapter)
        {
            return 0; // the service left the catalogue or is no longer an adapter's: its requests keep their status
        }

        var open = await db.Requests
            .Where(r => r.AdapterName == adapterName && r.Dispatch == DispatchState.Filed && !RequestStatuses.Final.Contains(r.Status))
            .OrderBy(r => r.LastPolledAt)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var answer = await adapter.FetchStatusesAsync([.. open.Select(r => r.ExternalReference!)], cancellationToken);
        if (answer.Failure is { } failed)
        {
            foreach (var request in open)
            {
                request.Problem = failed.Problem;
                request.ProblemSince ??= now.UtcDateTime;
                request.LastPolledAt = now.UtcDateTime;
            }

            await SaveAsync(db, cancellationToken);
            LogPollUnavailable(logger, adapterName, failed.Problem);
            return 0;
        }

        var byReference = open.ToDictionary(r => r.ExternalReference!, StringComparer.Ordinal);
        var changed = 0;
        foreach (var outcome in answer.Reports)
        {
            if (outcome.ExternalReference is not { } reference || !byReference.TryGetValue(reference, out var request))
            {
                continue;
            }

            request.LegacyStatus = outcome.LegacyStatus;
            if (outcome.Kind == AdapterOutcomeKind.Done)
            {
                request.Problem = null;
                request.ProblemSince = null;
                if (outcome.Status == request.AgencyStatus)
                {
                    continue; // the agency's system has not moved: an officer's move made here since then stands
                }

                request.AgencyStatus = outcome.Status;
                if (recorder.Record(db, request, outcome.Status!.Value, outcome.Note, "agency-system", now))
                {
                    request.Version++;
                    changed++;
                }
            }
            else
            {
                request.Problem = outcome.Problem;
                request.ProblemSince ??= now.UtcDateTime;
            }
        }

        foreach (var request in open)
        {
            request.LastPolledAt = now.UtcDateTime;
        }

        return await SaveAsync(db, cancellationToken) ? changed : 0;
    }

    private static async Task<bool> SaveAsync(RequestsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // An officer or the citizen changed one of them meanwhile; the next poll sees the rest again.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The status poll could not list the adapters to poll; it tries again in a second")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling adapter {Adapter} failed; it is tried again at its next interval")]
    private static partial void LogPollFailed(ILogger logger, string adapter, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Adapter {Adapter}'s legacy app did not answer the status poll: {Problem}")]
    private static partial void LogPollUnavailable(ILogger logger, string adapter, string? problem);
}

using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Adapters.Sdk.Registration;
using Gateway.Contracts.Events.V1;
using Gateway.Platform.Hosting;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Requests.Tracking;

/// <summary>
/// Asks each adapter, every <c>Adapters:{Name}:PollSeconds</c>, where its open requests stand, and
/// records what changed. A status the adapter cannot map is not guessed: the request keeps its status
/// and shows the problem to operators until the adapter is fixed.
/// </summary>
internal sealed partial class StatusPoller(IServiceScopeFactory scopes, AdapterRegistry adapters, TimeProvider time, ILogger<StatusPoller> logger)
    : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPoll = adapters.Names.ToDictionary(n => n, _ => DateTimeOffset.MinValue);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.NextTickOrStopAsync(stoppingToken))
        {
            foreach (var name in adapters.Names)
            {
                var now = time.GetUtcNow();
                if (now < nextPoll[name])
                {
                    continue;
                }

                nextPoll[name] = now.AddSeconds(adapters.OptionsOf(name).PollSeconds);
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
    }

    /// <returns>How many requests changed status.</returns>
    internal async Task<int> PollAsync(string adapterName, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        var recorder = scope.ServiceProvider.GetRequiredService<StatusRecorder>();
        var adapter = scope.ServiceProvider.GetRequiredKeyedService<IServiceAdapter>(adapterName);

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
        IReadOnlyList<Contracts.Adapters.V1.LegacyStatusReport> reports;
        try
        {
            reports = await adapter.FetchStatusesAsync([.. open.Select(r => r.ExternalReference!)], cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failed = AdapterRuns.Failed(ex, "poll");
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
        foreach (var report in reports)
        {
            if (!byReference.TryGetValue(report.ExternalReference, out var request))
            {
                continue;
            }

            var outcome = AdapterRuns.Understood(adapter.Statuses, report.ExternalReference, report.LegacyStatus, report.Note);
            request.LegacyStatus = report.LegacyStatus;
            if (outcome.Kind == AdapterOutcomeKind.Done)
            {
                request.Problem = null;
                request.ProblemSince = null;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling adapter {Adapter} failed; it is tried again at its next interval")]
    private static partial void LogPollFailed(ILogger logger, string adapter, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Adapter {Adapter}'s legacy app did not answer the status poll: {Problem}")]
    private static partial void LogPollUnavailable(ILogger logger, string adapter, string? problem);
}

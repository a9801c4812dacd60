using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Contracts.Adapters.V1;
using Gateway.Contracts.Events.V1;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Gateway.Requests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Requests.Dispatch;

/// <summary>
/// Files a pending request in its agency's system through the adapter bound to its service. Whatever
/// happens, the request stays: accepted (case number, first status), or still pending with the reason
/// and the time of the next try. Called from the bus (at once) and from the sweeper (retries).
/// </summary>
internal sealed partial class RequestDispatcher(
    RequestsDbContext db,
    IServiceProvider services,
    StatusRecorder statuses,
    RequestMetrics metrics,
    IOptions<RequestOptions> options,
    TimeProvider time,
    ILogger<RequestDispatcher> logger)
{
    public async Task DispatchAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is not { Dispatch: DispatchState.Pending })
        {
            return; // filed already (another replica, or the sweeper), or withdrawn by the citizen
        }

        var started = time.GetTimestamp();
        var adapter = services.GetKeyedService<IServiceAdapter>(request.AdapterName);
        var outcome = adapter is null
            ? new AdapterOutcome(AdapterOutcomeKind.Broken, Problem: $"adapter '{request.AdapterName}' is not registered in this gateway")
            : await AdapterRuns.SubmitAsync(adapter, ToSubmission(request), cancellationToken);
        var now = time.GetUtcNow();
        metrics.Dispatched(request.AdapterName, outcome.Kind.ToString());
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
            LogDispatched(logger, request.TrackingNumber, request.AdapterName, outcome.Kind, elapsed);
        }

        if (outcome.ExternalReference is { } reference)
        {
            request.ExternalReference = reference;
            request.LegacyStatus = outcome.LegacyStatus;
            request.Dispatch = DispatchState.Filed;
            request.NextDispatchAt = null;
        }

        switch (outcome.Kind)
        {
            case AdapterOutcomeKind.Done:
                request.Problem = null;
                request.ProblemSince = null;
                statuses.Record(db, request, outcome.Status!.Value, outcome.Note, "agency-system", now);
                break;
            case AdapterOutcomeKind.Refused:
                request.Dispatch = DispatchState.Filed;
                request.NextDispatchAt = null;
                request.Problem = null;
                statuses.Record(db, request, ServiceRequestStatus.Rejected, outcome.Note, "agency-system", now);
                break;
            default:
                if (request.Dispatch == DispatchState.Pending)
                {
                    request.DispatchAttempts++;
                    request.NextDispatchAt = now.UtcDateTime + RetryDelay(request.DispatchAttempts, outcome.Kind);
                }

                request.Problem = Truncate(outcome.Problem);
                request.ProblemSince ??= now.UtcDateTime;
                LogNotFiled(logger, request.TrackingNumber, request.AdapterName, outcome.Kind, outcome.Problem);
                break;
        }

        request.UpdatedAt = now.UtcDateTime;
        request.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed meanwhile (cancelled, or filed by another replica): that change stands. Submits are
            // idempotent per tracking number, so a second filing found the first case.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Doubling from 5 s up to the configured ceiling; a broken contract waits at the ceiling at once (someone must fix it).</summary>
    internal TimeSpan RetryDelay(int attempts, AdapterOutcomeKind kind)
    {
        var ceiling = TimeSpan.FromSeconds(options.Value.MaxRetryDelaySeconds);
        if (kind == AdapterOutcomeKind.Broken)
        {
            return ceiling;
        }

        var delay = TimeSpan.FromSeconds(5 * Math.Pow(2, Math.Min(attempts - 1, 16)));
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000));
        return (delay < ceiling ? delay : ceiling) + jitter;
    }

    private static AdapterSubmission ToSubmission(ServiceRequest request) => new()
    {
        RequestId = request.Id,
        TrackingNumber = request.TrackingNumber,
        ServiceSlug = request.ServiceSlug,
        AgencyCode = request.AgencyCode,
        Applicant = new Applicant
        {
            CitizenId = request.CitizenId,
            Nik = request.ApplicantNik,
            Name = request.ApplicantName,
            Email = request.ApplicantEmail,
            Phone = request.ApplicantPhone,
        },
        Fields = request.Fields,
        SubmittedAt = new DateTimeOffset(request.SubmittedAt, TimeSpan.Zero),
        DueAt = new DateTimeOffset(request.DueAt, TimeSpan.Zero),
    };

    private static string? Truncate(string? text) => text is { Length: > 1000 } ? text[..1000] : text;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {TrackingNumber} through adapter {Adapter}: {Outcome} in {Milliseconds} ms")]
    private static partial void LogDispatched(ILogger logger, string trackingNumber, string adapter, AdapterOutcomeKind outcome, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {TrackingNumber} not filed through adapter {Adapter} ({Outcome}): {Problem}")]
    private static partial void LogNotFiled(ILogger logger, string trackingNumber, string adapter, AdapterOutcomeKind outcome, string? problem);
}

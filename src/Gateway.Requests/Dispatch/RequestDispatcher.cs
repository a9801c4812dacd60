using Gateway.Adapters.Sdk.Calls;
using Gateway.Contracts.Adapters.V1;
using Gateway.Contracts.Events.V1;
using Gateway.Platform.Audit;
using Gateway.Requests.Adapters;
using Gateway.Requests.Api;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Gateway.Requests.Tracking;
using Microsoft.EntityFrameworkCore;
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
    AdapterConnections adapters,
    StatusRecorder statuses,
    AuditTrail audit,
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
        var adapter = adapters.For(request.AdapterName);
        var outcome = adapter is null
            ? new AdapterOutcome(AdapterOutcomeKind.Broken, Problem: $"adapter '{request.AdapterName}' is not registered in this gateway (nor as an adapter service in the catalogue)")
            : await adapter.SubmitAsync(ToSubmission(request), cancellationToken);
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

        if (outcome.ExternalReference is not null || outcome.Kind is AdapterOutcomeKind.Done or AdapterOutcomeKind.Refused)
        {
            RequestAudit.Sent(audit, db, request); // the agency's system has the applicant's data now
        }

        switch (outcome.Kind)
        {
            case AdapterOutcomeKind.Done:
                request.Problem = null;
                request.ProblemSince = null;
                request.AgencyStatus = outcome.Status;
                if (outcome.Status != ServiceRequestStatus.Submitted)
                {
                    // Merely received there is no news: an officer's move made here before the filing stands.
                    statuses.Record(db, request, outcome.Status!.Value, outcome.Note, "agency-system", now);
                }

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

        // Changed meanwhile (cancelled, or filed by another replica): that change stands. Submits are
        // idempotent per tracking number, so a second filing found the first case.
        if (!await SaveUnlessChangedAsync(request, now, cancellationToken) && outcome.ExternalReference is { } filedAs)
        {
            await KeepCaseNumberAsync(requestId, filedAs, outcome.LegacyStatus, now, cancellationToken);
        }
    }

    /// <summary>
    /// The agency's system took the request, but the request changed while it was being filed: most often
    /// the citizen cancelled it in that moment. The cancellation stands, and the case the agency now holds
    /// is recorded with it, shown to operators as a problem, so that nobody believes it was never sent.
    /// </summary>
    private async Task KeepCaseNumberAsync(Guid requestId, string filedAs, string? legacyStatus, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = await db.Requests.SingleAsync(r => r.Id == requestId, cancellationToken);
        if (request.Dispatch == DispatchState.Filed)
        {
            return; // another replica recorded the filing: the same case, as submits are idempotent
        }

        request.ExternalReference = filedAs;
        request.LegacyStatus = legacyStatus;
        RequestAudit.Sent(audit, db, request); // the record made with the first save was cleared with its conflict
        request.Dispatch = DispatchState.Filed;
        request.NextDispatchAt = null;
        if (RequestStatuses.IsFinal(request.Status))
        {
            request.Problem = $"{request.Status} while it was being filed: the agency's system holds case {filedAs}";
            request.ProblemSince = now.UtcDateTime;
            LogFiledAfterFinal(logger, request.TrackingNumber, request.Status, filedAs);
        }

        // If it changed once more, the warning above has the case number, and a request still pending is
        // filed again by the sweeper, which finds the same case (submits are idempotent).
        await SaveUnlessChangedAsync(request, now, cancellationToken);
    }

    /// <summary>Saves the dispatcher's changes unless someone else saved the request since it was read (false then).</summary>
    private async Task<bool> SaveUnlessChangedAsync(ServiceRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        request.UpdatedAt = now.UtcDateTime;
        request.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {TrackingNumber} became {Status} while it was being filed; the agency's system holds case {ExternalReference}")]
    private static partial void LogFiledAfterFinal(ILogger logger, string trackingNumber, ServiceRequestStatus status, string externalReference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {TrackingNumber} not filed through adapter {Adapter} ({Outcome}): {Problem}")]
    private static partial void LogNotFiled(ILogger logger, string trackingNumber, string adapter, AdapterOutcomeKind outcome, string? problem);
}

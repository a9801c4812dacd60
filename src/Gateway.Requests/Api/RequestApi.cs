using Gateway.Contracts.Events.V1;
using Gateway.Platform.Agencies;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Gateway.Requests.Submitting;
using Gateway.Requests.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Requests.Api;

/// <summary><c>/api/requests</c>: a signed-in citizen applies for a service, follows it, and may cancel it until the agency accepts it.</summary>
internal static class RequestApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void MapRequestApi(this IEndpointRouteBuilder endpoints)
    {
        var requests = endpoints.MapGroup("/api/requests").WithTags("Service requests")
            .RequireAuthorization(Policies.Citizen);
        requests.MapPost("/", Submit)
            .WithSummary("Apply for a service; send an Idempotency-Key header so a retried submit creates one request")
            .Produces<RequestView>(StatusCodes.Status201Created)
            .Produces<RequestView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        requests.MapGet("/", Mine)
            .WithSummary("My requests, newest first")
            .Produces<ListPage<RequestSummary>>();
        requests.MapGet("/{trackingNumber}", One)
            .WithSummary("One of my requests, with its deadline and timeline")
            .Produces<RequestView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapPost("/{trackingNumber}/cancel", Cancel)
            .WithSummary("Cancel a request the agency has not accepted yet")
            .Produces<RequestView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Submit(
        SubmitRequestInput input,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        HttpContext http,
        RequestSubmitter submitter,
        IServiceDirectory services,
        RequestMetrics metrics,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (ApplicantIdentity.From(http.User) is not { } applicant)
        {
            return Problems.Result(ProblemKind.Forbidden, RequestTexts.NotSignedInAsCitizen);
        }

        var result = await submitter.SubmitAsync(applicant, input, idempotencyKey, cancellationToken);
        if (result.Request is not { } request)
        {
            return Problems.Result(result.Kind!, result.Detail, result.Errors);
        }

        var view = request.ToView(services, time.GetUtcNow().UtcDateTime);
        if (!result.Created)
        {
            return TypedResults.Ok(view); // the same request an earlier try with this key created
        }

        metrics.Submitted(request.AgencyCode);
        return TypedResults.Created($"/api/requests/{request.TrackingNumber}", view);
    }

    private static async Task<IResult> Mine(int? page, int? pageSize, HttpContext http, RequestReads reads, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reads.MineAsync(http.User, Math.Max(page ?? 1, 1), Math.Clamp(pageSize ?? 20, 1, 100), cancellationToken));

    private static async Task<IResult> One(string trackingNumber, HttpContext http, RequestReads reads, CancellationToken cancellationToken) =>
        await reads.OneAsync(http.User, trackingNumber, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound(RequestTexts.UnknownRequest.With(trackingNumber));

    private static async Task<IResult> Cancel(
        string trackingNumber, HttpContext http, RequestsDbContext db, StatusRecorder statuses, IServiceDirectory services, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = await RequestReads.FindMineAsync(db.Requests, trackingNumber, http.User, cancellationToken);
        if (request is null)
        {
            return Problems.NotFound(RequestTexts.UnknownRequest.With(trackingNumber));
        }

        if (!RequestStatuses.CanCancel(request.Status))
        {
            return Problems.Result(ProblemKind.Conflict, RequestTexts.CannotCancel.With(trackingNumber, RequestStatuses.Label(request.Status).Localize()));
        }

        var now = time.GetUtcNow();
        if (request.Dispatch == DispatchState.Pending)
        {
            request.Dispatch = DispatchState.Withdrawn; // never sent: the agency's system never sees it
            request.NextDispatchAt = null;
        }

        statuses.Record(db, request, ServiceRequestStatus.Cancelled, null, "citizen", now);
        request.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Result(ProblemKind.Conflict, RequestTexts.ChangedMeanwhile);
        }

        return TypedResults.Ok(request.ToView(services, now.UtcDateTime));
    }
}

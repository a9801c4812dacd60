using System.Security.Claims;
using Gateway.Contracts.Events.V1;
using Gateway.Platform.Audit;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Gateway.Requests.Submitting;
using Gateway.Requests.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Requests.Api;

/// <summary>
/// <c>/api/agency/requests</c>: an agency's officers see their agency's requests (only theirs) and move
/// them on — for agencies whose system reports no status, or to add a note for the citizen.
/// <c>/api/admin/requests</c>: Diskominfo sees every agency's, overdue and stuck ones first.
/// </summary>
internal static class AgencyRequestApi
{
    private static readonly ServiceRequestStatus[] OfficerStatuses =
    [
        ServiceRequestStatus.Verified, ServiceRequestStatus.InProcess, ServiceRequestStatus.NeedsInformation,
        ServiceRequestStatus.Completed, ServiceRequestStatus.Rejected,
    ];

    public static void MapAgencyRequestApi(this IEndpointRouteBuilder endpoints)
    {
        var agency = endpoints.MapGroup("/api/agency/requests").WithTags("Agency: service requests")
            .RequireAuthorization(Policies.Officer);
        agency.MapGet("/", ListForAgency)
            .WithSummary("My agency's requests, oldest deadline first; filter by status, overdue=true, problem=true")
            .Produces<List<AgencyRequestView>>()
            .ProducesValidationProblem();
        agency.MapPost("/{trackingNumber}/status", UpdateStatus)
            .WithSummary("Move one of my agency's requests on, with a note for the citizen")
            .Produces<AgencyRequestView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static void MapRequestAdminApi(this RouteGroupBuilder admin) =>
        admin.MapGet("/requests", ListForAdmin)
            .WithTags("Admin: service requests")
            .WithSummary("Every agency's requests, oldest deadline first; overdue=true and problem=true find the ones needing attention")
            .Produces<List<AgencyRequestView>>()
            .ProducesValidationProblem();

    private static Task<IResult> ListForAgency(
        string? status, bool? overdue, bool? problem, int? limit, HttpContext http, RequestsDbContext db, AuditTrail audit, TimeProvider time,
        CancellationToken cancellationToken) =>
        ListAsync(http.User.FindFirstValue(GatewayClaims.Agency), status, overdue, problem, limit, db, audit, time, cancellationToken);

    private static Task<IResult> ListForAdmin(
        string? agency, string? status, bool? overdue, bool? problem, int? limit, RequestsDbContext db, AuditTrail audit, TimeProvider time,
        CancellationToken cancellationToken) =>
        ListAsync(agency, status, overdue, problem, limit, db, audit, time, cancellationToken);

    private static async Task<IResult> ListAsync(
        string? agency, string? status, bool? overdue, bool? problem, int? limit, RequestsDbContext db, AuditTrail audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var wanted = QueryFilters.Enum<ServiceRequestStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            return Problems.Result(ProblemKind.Validation, errors: errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var query = db.Requests.AsNoTracking();
        if (!string.IsNullOrEmpty(agency))
        {
            query = query.Where(r => r.AgencyCode == agency);
        }

        if (wanted is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        if (overdue == true)
        {
            query = query.Where(r => r.DueAt < now && !RequestStatuses.Final.Contains(r.Status));
        }

        if (problem == true)
        {
            query = query.Where(r => r.Problem != null);
        }

        var list = await query.OrderBy(r => r.DueAt).Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(cancellationToken);
        await RequestAudit.RecordReadAsync(audit, db, list, cancellationToken);
        return TypedResults.Ok(list.Select(r => r.ToAgencyView(now)).ToList());
    }

    private static async Task<IResult> UpdateStatus(
        string trackingNumber, StatusUpdateInput input, HttpContext http, RequestsDbContext db, StatusRecorder statuses, AuditTrail audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Status is not { } status)
        {
            errors["status"] = [RequestTexts.StatusRequired.Localize()];
        }
        else if (!OfficerStatuses.Contains(status))
        {
            errors["status"] = [RequestTexts.StatusNotAllowed.With(status).Localize()];
        }

        if (input.Note is { Length: > 1000 })
        {
            errors["note"] = [RequestTexts.NoteTooLong.Localize()];
        }

        if (errors.Count > 0)
        {
            return Problems.Result(ProblemKind.Validation, errors: errors);
        }

        var agency = http.User.FindFirstValue(GatewayClaims.Agency);
        var request = await db.Requests.SingleOrDefaultAsync(r => r.TrackingNumber == trackingNumber && r.AgencyCode == agency, cancellationToken);
        if (request is null)
        {
            // Another agency's request is "not found" too: officers do not learn what other agencies hold.
            return Problems.NotFound(RequestTexts.UnknownRequest.With(trackingNumber));
        }

        if (RequestStatuses.IsFinal(request.Status))
        {
            return Problems.Result(ProblemKind.Conflict, RequestTexts.AlreadyFinal.With(trackingNumber, RequestStatuses.Label(request.Status).Localize()));
        }

        var now = time.GetUtcNow();
        var officer = http.User.FindFirstValue("sub") ?? "unknown";
        var before = request.Status;
        statuses.Record(db, request, input.Status!.Value, input.Note, $"officer:{officer}", now);
        RequestAudit.StatusChanged(audit, db, request, before, input.Note);
        request.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Result(ProblemKind.Conflict, RequestTexts.ChangedMeanwhile);
        }

        return TypedResults.Ok(request.ToAgencyView(now.UtcDateTime));
    }
}

using System.Security.Claims;
using Gateway.Complaints.Model;
using Gateway.Complaints.Persistence;
using Gateway.Complaints.Photos;
using Gateway.Complaints.Progress;
using Gateway.Platform.Audit;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Complaints.Api;

/// <summary>
/// <c>/api/agency/complaints</c> on the administration origin: an agency's officers list their agency's
/// complaints (only theirs), answer them and close them once answered. Another agency's complaint reads as
/// not found. Each answer and closing is announced (<c>ComplaintStatusChanged</c>) and audited.
/// </summary>
internal static class AgencyComplaintApi
{
    public static void MapAgencyComplaintApi(this IEndpointRouteBuilder endpoints)
    {
        var agency = endpoints.MapGroup("/api/agency/complaints").WithTags("Agency: complaints")
            .RequireAuthorization(Policies.Officer)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        agency.MapGet("/", List)
            .WithSummary("My agency's complaints, oldest first; filter by status, overdue=true")
            .Produces<List<ComplaintStaffView>>()
            .ProducesValidationProblem();
        agency.MapPost("/{id:guid}/answer", Answer)
            .WithSummary("Answer one of my agency's complaints; the complainant reads the answer and may reopen it once")
            .Produces<ComplaintStaffView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        agency.MapGet("/{id:guid}/photo", Photo)
            .WithSummary("The photo of one of my agency's complaints (JPEG or PNG, its metadata taken out)")
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);
        agency.MapPost("/{id:guid}/close", Close)
            .WithSummary("Close an answered complaint of my agency")
            .Produces<ComplaintStaffView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static string AgencyOf(HttpContext http) => http.User.FindFirstValue(GatewayClaims.Agency)!;

    private static string OfficerOf(HttpContext http) => http.User.SubjectOf()!;

    private static Task<IResult> List(
        string? status, bool? overdue, int? limit, HttpContext http, ComplaintsDbContext db, AuditTrail audit, TimeProvider time,
        CancellationToken cancellationToken) =>
        ComplaintLists.ListAsync(new ComplaintFilter(status, AgencyOf(http), overdue, limit), db, audit, time, cancellationToken);

    private static async Task<IResult> Answer(
        Guid id, ComplaintAnswerInput input, HttpContext http, ComplaintsDbContext db, ComplaintMoves moves, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (input.Answer?.Trim() is not { Length: >= 10 and <= 4000 } answer)
        {
            return Problems.Result(ProblemKind.Validation, errors: new Dictionary<string, string[]>
            {
                ["answer"] = [ComplaintTexts.AnswerRequired.Localize()],
            });
        }

        if (await FindOursAsync(db, id, http, cancellationToken) is not { } complaint)
        {
            return Problems.NotFound(ComplaintTexts.UnknownComplaint.With(id));
        }

        if (!ComplaintLifecycle.CanAnswer(complaint))
        {
            return Problems.Result(ProblemKind.Conflict, ComplaintTexts.CannotAnswer.With(complaint.Status));
        }

        moves.Answer(db, complaint, answer, OfficerOf(http));
        return await ComplaintSaves.SaveAsync(db, () => complaint.ToStaffView(time.GetUtcNow().UtcDateTime), cancellationToken);
    }

    private static async Task<IResult> Close(
        Guid id, HttpContext http, ComplaintsDbContext db, ComplaintMoves moves, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await FindOursAsync(db, id, http, cancellationToken) is not { } complaint)
        {
            return Problems.NotFound(ComplaintTexts.UnknownComplaint.With(id));
        }

        if (!ComplaintLifecycle.CanClose(complaint))
        {
            return Problems.Result(ProblemKind.Conflict, ComplaintTexts.CannotClose.With(complaint.Status));
        }

        moves.Close(db, complaint);
        return await ComplaintSaves.SaveAsync(db, () => complaint.ToStaffView(time.GetUtcNow().UtcDateTime), cancellationToken);
    }

    /// <summary>One of the officer's agency's complaints; null for another agency's (which reads as not found).</summary>
    private static async Task<IResult> Photo(Guid id, HttpContext http, ComplaintsDbContext db, ComplaintPhotos photos, CancellationToken cancellationToken) =>
        await FindOursAsync(db, id, http, cancellationToken) is { } complaint
            ? await photos.ServeAsync(db, complaint, cancellationToken)
            : Problems.NotFound(ComplaintTexts.UnknownComplaint.With(id));

    private static Task<Complaint?> FindOursAsync(ComplaintsDbContext db, Guid id, HttpContext http, CancellationToken cancellationToken)
    {
        var agency = AgencyOf(http);
        return db.Complaints.SingleOrDefaultAsync(c => c.Id == id && c.AgencyCode == agency, cancellationToken);
    }
}

using Gateway.Complaints.Events;
using Gateway.Complaints.Model;
using Gateway.Complaints.Persistence;
using Gateway.Complaints.Progress;
using Gateway.Complaints.Routing;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging;
using Gateway.Messaging.Outbox;
using Gateway.Platform.Edge.RateLimits;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using MassTransit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Complaints.Api;

/// <summary>
/// <c>/api/complaints</c>: a citizen files a complaint, follows it, reads the agency's answer and may
/// reopen it once. The complaint's id is its tracking code (unguessable), so an anonymous complainant
/// follows it the same way. Staff: <see cref="ComplaintAdminApi"/>, <see cref="AgencyComplaintApi"/>.
/// </summary>
internal static class ComplaintApi
{
    private static readonly ComplaintInputValidator Validator = new();


    public static void MapComplaintApi(this IEndpointRouteBuilder endpoints)
    {
        var complaints = endpoints.MapGroup("/api/complaints").WithTags("Complaints");
        complaints.MapPost("/", File)
            .WithSummary("File a complaint; it is routed to the responsible agency within seconds")
            .Produces<ComplaintStatusView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.Complaints);
        complaints.MapGet("/mine", Mine)
            .RequireAuthorization(Policies.Citizen)
            .WithSummary("The complaints I filed while signed in, newest first")
            .Produces<List<ComplaintStatusView>>();
        complaints.MapGet("/{id:guid}", Status)
            .WithSummary("Where a complaint went, by when it must be answered, and the agency's answer")
            .Produces<ComplaintStatusView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        complaints.MapPost("/{id:guid}/reopen", Reopen)
            .WithSummary("Not satisfied with the answer: send the complaint back to the agency (once, within Complaints:ReopenDays of the answer)")
            .Produces<ComplaintStatusView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(RateLimitPolicies.Complaints);
    }

    private static async Task<IResult> File(
        ComplaintInput input, HttpContext http, ComplaintsDbContext db, IOptions<MessagingOptions> messaging, IOptions<ComplaintOptions> options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = Validator.Validate(input);
        if (!validation.IsValid)
        {
            return Problems.Result(ProblemKind.Validation, errors: validation.ToErrors());
        }

        var now = time.GetUtcNow();
        var complaint = new Complaint
        {
            Id = NewId.NextGuid(),
            Channel = ComplaintChannel.Gateway,
            Category = input.Category!,
            Class = input.Class!.Value,
            Subject = input.Subject!,
            Description = input.Description!,
            Location = input.Location,
            ReporterContact = input.ReporterContact,
            CitizenId = await SignedInCitizenAsync(http),
            FiledAt = now.UtcDateTime,
            Status = ComplaintStatus.Filed,
        };
        db.Complaints.Add(complaint);
        // Stored and announced in one transaction: the routing consumer picks it up from the bus.
        db.AddEvent(complaint.ToFiledEvent(now, messaging.Value.GatewayAgency), $"complaint:{complaint.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/complaints/{complaint.Id}", complaint.ToStatusView(now.UtcDateTime, options.Value.ReopenDays));
    }

    /// <summary>
    /// Filing needs no account; a citizen signed in (token or portal session) has the complaint kept with their
    /// account, listed under <c>/mine</c> and on their data page.
    /// </summary>
    private static async Task<Guid?> SignedInCitizenAsync(HttpContext http)
    {
        var signedIn = await http.AuthenticateAsync(SignOnSchemes.BearerOrSession);
        return signedIn.Succeeded && signedIn.Principal.IsInRole(Roles.Citizen)
            ? signedIn.Principal.AccountIdOf() : null;
    }

    private static async Task<IResult> Mine(
        HttpContext http, ComplaintsDbContext db, IOptions<ComplaintOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var citizen = http.User.AccountIdOf() ?? Guid.Empty;
        var now = time.GetUtcNow().UtcDateTime;
        var mine = await db.Complaints.AsNoTracking().Where(c => c.CitizenId == citizen)
            .OrderByDescending(c => c.FiledAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(mine.Select(c => c.ToStatusView(now, options.Value.ReopenDays)).ToList());
    }

    private static async Task<IResult> Status(
        Guid id, ComplaintsDbContext db, IOptions<ComplaintOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return complaint is null
            ? Problems.NotFound(ComplaintTexts.UnknownComplaint.With(id))
            : TypedResults.Ok(complaint.ToStatusView(time.GetUtcNow().UtcDateTime, options.Value.ReopenDays));
    }

    private static async Task<IResult> Reopen(
        Guid id, ComplaintReopenInput input, ComplaintsDbContext db, ComplaintMoves moves, IOptions<ComplaintOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (input.Reason?.Trim() is not { Length: >= 5 and <= 1000 } reason)
        {
            return Problems.Result(ProblemKind.Validation, errors: new Dictionary<string, string[]>
            {
                ["reason"] = [ComplaintTexts.ReopenReasonRequired.Localize()],
            });
        }

        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
        {
            return Problems.NotFound(ComplaintTexts.UnknownComplaint.With(id));
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!ComplaintLifecycle.CanReopen(complaint, now, options.Value.ReopenDays))
        {
            return Problems.Result(ProblemKind.Conflict, complaint.ReopenedAt is not null
                ? ComplaintTexts.ReopenedOnce
                : ComplaintTexts.CannotReopen.With(options.Value.ReopenDays));
        }

        moves.Reopen(db, complaint, reason);
        return await ComplaintSaves.SaveAsync(db, () => complaint.ToStatusView(now, options.Value.ReopenDays), cancellationToken);
    }
}

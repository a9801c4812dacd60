using Gateway.Platform.Edge.RateLimits;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Complaints.Api;

/// <summary>
/// <c>/api/complaints</c>: a citizen files a complaint, follows it, reads the agency's answer and may
/// reopen it once. The complaint's id is its tracking code (unguessable), so an anonymous complainant
/// follows it the same way. Staff: <see cref="ComplaintAdminApi"/>, <see cref="AgencyComplaintApi"/>.
/// </summary>
internal static class ComplaintApi
{
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
        complaints.MapPost("/{id:guid}/photo", AttachPhoto)
            .WithSummary("Add the complaint's photo (multipart field 'file'; JPEG or PNG, Complaints:Photos:MaxBytes): once, within Complaints:Photos:AttachMinutes of filing")
            // The code is the key, as for reading it; no ambient credential is needed, so a forged form gains nothing.
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ComplaintStatusView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireRateLimiting(RateLimitPolicies.Complaints);
        complaints.MapPost("/{id:guid}/reopen", Reopen)
            .WithSummary("Not satisfied with the answer: send the complaint back to the agency (once, within Complaints:ReopenDays of the answer)")
            .Produces<ComplaintStatusView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(RateLimitPolicies.Complaints);
    }

    private static async Task<IResult> File(ComplaintInput input, HttpContext http, ComplaintDesk desk, CancellationToken cancellationToken)
    {
        var filing = await desk.FileAsync(input, await SignedInCitizenAsync(http), cancellationToken);
        return filing.Complaint is { } complaint
            ? TypedResults.Accepted($"/api/complaints/{complaint.Id}", complaint)
            : Problems.Result(ProblemKind.Validation, errors: filing.Errors.ToDictionary());
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

    private static async Task<IResult> Mine(HttpContext http, ComplaintDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(await desk.MineAsync(http.User, cancellationToken));

    private static async Task<IResult> Status(Guid id, ComplaintDesk desk, CancellationToken cancellationToken) =>
        await desk.FindAsync(id, cancellationToken) is { } complaint
            ? TypedResults.Ok(complaint)
            : Problems.NotFound(ComplaintTexts.UnknownComplaint.With(id));

    private static async Task<IResult> AttachPhoto(Guid id, IFormFile? file, ComplaintDesk desk, CancellationToken cancellationToken)
    {
        var attaching = await desk.AttachPhotoAsync(id, file, cancellationToken);
        if (attaching.Complaint is { } complaint)
        {
            return TypedResults.Ok(complaint);
        }

        var refusal = attaching.Refusal!.Value;
        return refusal.Kind.Status is StatusCodes.Status404NotFound or StatusCodes.Status409Conflict
            ? Problems.Result(refusal.Kind, refusal.Message)
            : Problems.Result(refusal.Kind, refusal.Message, Problems.FieldError("file", refusal.Message));
    }

    private static async Task<IResult> Reopen(Guid id, ComplaintReopenInput input, ComplaintDesk desk, CancellationToken cancellationToken)
    {
        var reopening = await desk.ReopenAsync(id, input.Reason, cancellationToken);
        return reopening switch
        {
            { Complaint: { } complaint } => TypedResults.Ok(complaint),
            { Refusal: { } kind } => Problems.Result(kind, reopening.Reason),
            _ => Problems.Result(ProblemKind.Validation, errors: reopening.Errors.ToDictionary()),
        };
    }
}

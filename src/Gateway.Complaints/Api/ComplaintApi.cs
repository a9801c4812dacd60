using Gateway.Complaints.Events;
using Gateway.Complaints.Model;
using Gateway.Complaints.Persistence;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging;
using Gateway.Messaging.Outbox;
using Gateway.Platform.Edge.RateLimits;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Complaints.Api;

/// <summary>
/// <c>/api/complaints</c>: a citizen files a complaint and follows it (the administrators' side is
/// <see cref="ComplaintAdminApi"/>).
/// </summary>
internal static class ComplaintApi
{
    private static readonly ComplaintInputValidator Validator = new();

    internal static readonly BilingualText UnknownComplaint = new("Pengaduan {0} tidak ditemukan.", "Complaint {0} was not found.");

    public static void MapComplaintApi(this IEndpointRouteBuilder endpoints)
    {
        var complaints = endpoints.MapGroup("/api/complaints").WithTags("Complaints");
        complaints.MapPost("/", File)
            .WithSummary("File a complaint; it is routed to the responsible agency within seconds")
            .Produces<ComplaintStatusView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.Complaints);
        complaints.MapGet("/{id:guid}", Status)
            .WithSummary("Where a complaint went and by when it must be answered")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> File(
        ComplaintInput input, ComplaintsDbContext db, IOptions<MessagingOptions> messaging, TimeProvider time, CancellationToken cancellationToken)
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
            FiledAt = now.UtcDateTime,
            Status = ComplaintStatus.Filed,
        };
        db.Complaints.Add(complaint);
        // Stored and announced in one transaction: the routing consumer picks it up from the bus.
        db.AddEvent(complaint.ToFiledEvent(now, messaging.Value.GatewayAgency), $"complaint:{complaint.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/complaints/{complaint.Id}", complaint.ToStatusView());
    }

    private static async Task<IResult> Status(Guid id, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return complaint is null
            ? Problems.NotFound(UnknownComplaint.With(id))
            : TypedResults.Ok(complaint.ToStatusView());
    }
}

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
/// <c>/api/complaints</c>: a citizen files a complaint and follows it; <c>/api/admin/complaints</c>: the
/// Diskominfo queue and every agency's open complaints.
/// </summary>
internal static class ComplaintApi
{
    private static readonly ComplaintInputValidator Validator = new();

    private static readonly BilingualText UnknownComplaint = new("Pengaduan {0} tidak ditemukan.", "Complaint {0} was not found.");

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

    public static void MapComplaintAdminApi(this RouteGroupBuilder admin) =>
        admin.MapGet("/complaints", List)
            .WithTags("Admin: complaints")
            .WithSummary("Complaints, oldest first; status=unrouted is the Diskominfo queue")
            .Produces<List<ComplaintAdminView>>()
            .ProducesValidationProblem();

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

    private static async Task<IResult> List(
        string? status, string? agencyCode, int? limit, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var wanted = QueryFilters.Enum<ComplaintStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            return Problems.Result(ProblemKind.Validation, errors: errors);
        }

        var query = db.Complaints.AsNoTracking();
        if (wanted is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        if (!string.IsNullOrEmpty(agencyCode))
        {
            query = query.Where(c => c.AgencyCode == agencyCode);
        }

        var list = await query.OrderBy(c => c.FiledAt).Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(c => c.ToAdminView()).ToList());
    }
}

using Gateway.Complaints.Events;
using Gateway.Complaints.Model;
using Gateway.Complaints.Persistence;
using Gateway.Complaints.Photos;
using Gateway.Complaints.Progress;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging;
using Gateway.Messaging.Outbox;
using Gateway.Platform.Agencies;
using Gateway.Platform.Audit;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Complaints.Api;

/// <summary>An administrator hands a complaint to the agency that must answer it; the note says why (shown with the routing).</summary>
public sealed record ComplaintAssignmentInput(string? AgencyCode, string? Note);

/// <summary>
/// <c>/api/admin/complaints</c>: the Diskominfo queue and every agency's complaints, and assigning one by
/// hand. A list shows each reporter's contact details: it is recorded in the audit trail
/// (<see cref="ComplaintLists"/>), and so is every assignment (before and after).
/// </summary>
internal static class ComplaintAdminApi
{
    private static readonly BilingualText StillRouting = new(
        "Pengaduan {0} masih dalam proses perutean otomatis; coba lagi sebentar lagi.",
        "Complaint {0} is still being routed automatically; try again in a moment.");

    private static readonly BilingualText AlreadyAnswered = new(
        "Pengaduan {0} sudah dijawab; hanya pengaduan yang menunggu jawaban dapat dialihkan.",
        "Complaint {0} was answered already; only complaints awaiting an answer can be reassigned.");

    private static readonly BilingualText UnknownAgency = new(
        "Instansi '{0}' tidak terdaftar di katalog.", "Agency '{0}' is not registered in the catalogue.");

    public static void MapComplaintAdminApi(this RouteGroupBuilder admin)
    {
        var complaints = admin.MapGroup("/complaints").WithTags("Admin: complaints");
        complaints.MapGet("/", List)
            .WithSummary("Complaints, oldest first; status=unrouted is the Diskominfo queue, overdue=true those past their response deadline")
            .Produces<List<ComplaintStaffView>>()
            .ProducesValidationProblem();
        complaints.MapGet("/{id:guid}/photo", Photo)
            .WithSummary("A complaint's photo (JPEG or PNG, its metadata taken out)")
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);
        complaints.MapPost("/{id:guid}/assign", Assign)
            .WithSummary("Assign a complaint (from the Diskominfo queue, or away from a wrong agency) to the agency that must answer it; its deadline stays")
            .Produces<ComplaintStaffView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Task<IResult> List(
        string? status, string? agencyCode, bool? overdue, int? limit, ComplaintsDbContext db, AuditTrail audit, TimeProvider time,
        CancellationToken cancellationToken) =>
        ComplaintLists.ListAsync(new ComplaintFilter(status, agencyCode, overdue, limit), db, audit, time, cancellationToken);

    private static async Task<IResult> Photo(Guid id, ComplaintsDbContext db, ComplaintPhotos photos, CancellationToken cancellationToken) =>
        await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } complaint
            ? await photos.ServeAsync(db, complaint, cancellationToken)
            : Problems.NotFound(ComplaintTexts.UnknownComplaint.With(id));

    private static async Task<IResult> Assign(
        Guid id, ComplaintAssignmentInput input, ComplaintsDbContext db, IAgencyDirectory agencies, AuditTrail audit,
        IOptions<MessagingOptions> messaging, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.AgencyCode))
        {
            errors["agencyCode"] = [new BilingualText("Pilih instansi yang harus menjawab.", "Choose the agency that must answer.").Localize()];
        }
        else if (!agencies.Exists(input.AgencyCode))
        {
            errors["agencyCode"] = [UnknownAgency.With(input.AgencyCode).Localize()];
        }

        if (input.Note is { Length: > 300 })
        {
            errors["note"] = [new BilingualText("Catatan paling banyak 300 karakter.", "The note may have at most 300 characters.").Localize()];
        }

        if (errors.Count > 0)
        {
            return Problems.Result(ProblemKind.Validation, errors: errors);
        }

        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
        {
            return Problems.NotFound(ComplaintTexts.UnknownComplaint.With(id));
        }

        if (complaint.Status == ComplaintStatus.Filed)
        {
            // The routing consumer has not decided yet; assigning now would race it (and it sets the deadline).
            return Problems.Result(ProblemKind.Conflict, StillRouting.With(id));
        }

        if (!ComplaintLifecycle.AwaitingAnswer.Contains(complaint.Status))
        {
            return Problems.Result(ProblemKind.Conflict, AlreadyAnswered.With(id));
        }

        var now = time.GetUtcNow();
        if (complaint.Status == ComplaintStatus.Unrouted)
        {
            complaint.Status = ComplaintStatus.Routed; // a reopened one stays reopened, with its new owner
        }

        complaint.Version++;
        complaint.AgencyCode = input.AgencyCode;
        complaint.RoutingNote = string.IsNullOrWhiteSpace(input.Note) ? "assigned by an administrator" : $"assigned by an administrator: {input.Note.Trim()}";
        complaint.RoutedAt = now.UtcDateTime;
        db.AddEvent(complaint.ToRoutedEvent(now, messaging.Value.GatewayAgency, complaint.Id), $"complaint:{complaint.Id}");
        if (complaint.CitizenId is { } citizen)
        {
            ComplaintNotices.Add(db, citizen, complaint, null, now);
        }

        // The complaint, its announcement and the record of who assigned it commit together.
        audit.Record(db, new AuditEntry("complaints.complaint.assigned", "complaint", complaint.Id.ToString(), AuditSummary.Of(db, complaint))
        {
            DataSubject = complaint.CitizenId?.ToString(),
        });
        return await ComplaintSaves.SaveAsync(db, () => complaint.ToStaffView(now.UtcDateTime), cancellationToken);
    }
}

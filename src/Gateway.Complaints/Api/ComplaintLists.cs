using Gateway.Complaints.Model;
using Gateway.Complaints.Persistence;
using Gateway.Contracts.Events.V1;
using Gateway.Platform.Audit;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Complaints.Api;

/// <summary>What a staff list of complaints is filtered by: status, agency, past the response deadline, how many.</summary>
internal sealed record ComplaintFilter(string? Status, string? AgencyCode, bool? Overdue, int? Limit);

/// <summary>
/// Complaints as staff see them (an administrator any agency's, an officer their own), oldest first. A list
/// shows each reporter's contact details: one audit record for the list with its filters, and one per
/// signed-in complainant shown, with them as its data subject, so their own page says who read it.
/// </summary>
internal static class ComplaintLists
{
    public static async Task<IResult> ListAsync(
        ComplaintFilter filter, ComplaintsDbContext db, AuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var wanted = QueryFilters.Enum<ComplaintStatus>(filter.Status, "status", errors);
        if (errors.Count > 0)
        {
            return Problems.Result(ProblemKind.Validation, errors: errors);
        }

        var query = db.Complaints.AsNoTracking();
        if (wanted is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        if (!string.IsNullOrEmpty(filter.AgencyCode))
        {
            query = query.Where(c => c.AgencyCode == filter.AgencyCode);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (filter.Overdue == true)
        {
            query = query.Where(c => c.ResponseDueAt < now && ComplaintLifecycle.AwaitingAnswer.Contains(c.Status));
        }

        var list = await query.OrderBy(c => c.FiledAt).Take(Math.Clamp(filter.Limit ?? 100, 1, 1000)).ToListAsync(cancellationToken);
        await RecordReadAsync(audit, db, list, filter, cancellationToken);
        return TypedResults.Ok(list.Select(c => c.ToStaffView(now)).ToList());
    }

    private static async Task RecordReadAsync(AuditTrail audit, ComplaintsDbContext db, List<Complaint> shown, ComplaintFilter filter, CancellationToken cancellationToken)
    {
        if (shown.Count == 0)
        {
            return;
        }

        audit.Record(db, new AuditEntry("complaints.complaint.listed", "complaint", $"{shown.Count} complaints",
            AuditSummary.Facts(new { filters = filter, count = shown.Count, withContact = shown.Count(c => c.ReporterContact is not null) })));
        foreach (var complaint in shown.Where(c => c.CitizenId is not null))
        {
            audit.Record(db, new AuditEntry("complaints.complaint.read", "complaint", complaint.Id.ToString())
            {
                DataSubject = complaint.CitizenId.ToString(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

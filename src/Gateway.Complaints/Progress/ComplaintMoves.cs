using Gateway.Complaints.Model;
using Gateway.Complaints.Persistence;
using Gateway.Complaints.Routing;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging;
using Gateway.Messaging.Outbox;
using Gateway.Platform.Audit;
using Gateway.Platform.Calendar;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Gateway.Complaints.Progress;

/// <summary>
/// A complaint's steps after routing — the agency answers and closes it, the complainant reopens it — each
/// written with its <see cref="ComplaintStatusChanged"/> event and its audit record, in the caller's save.
/// The caller checks <see cref="ComplaintLifecycle"/> first.
/// </summary>
internal sealed class ComplaintMoves(
    WorkingCalendar calendar, IOptions<ComplaintOptions> options, IOptions<MessagingOptions> messaging, AuditTrail audit, TimeProvider time)
{
    public void Answer(ComplaintsDbContext db, Complaint complaint, string answer, string officer)
    {
        var previous = complaint.Status;
        complaint.Answer = answer;
        complaint.AnsweredAt = time.GetUtcNow().UtcDateTime;
        complaint.AnsweredBy = officer;
        complaint.Status = ComplaintStatus.Answered;
        Announce(db, complaint, previous, answer, "complaints.complaint.answered");
    }

    public void Close(ComplaintsDbContext db, Complaint complaint)
    {
        var previous = complaint.Status;
        complaint.ClosedAt = time.GetUtcNow().UtcDateTime;
        complaint.Status = ComplaintStatus.Closed;
        Announce(db, complaint, previous, null, "complaints.complaint.closed");
    }

    /// <summary>Back with the agency, which again has its class's working days to answer, from now.</summary>
    public void Reopen(ComplaintsDbContext db, Complaint complaint, string reason)
    {
        var previous = complaint.Status;
        var now = time.GetUtcNow();
        var days = options.Value.ResponseWorkingDays.For(complaint.Class);
        complaint.ReopenedAt = now.UtcDateTime;
        complaint.ReopenReason = reason;
        complaint.ClosedAt = null;
        complaint.Status = ComplaintStatus.Reopened;
        complaint.ResponseWorkingDays = days;
        complaint.ResponseDueAt = calendar.AddWorkingDays(now, days).UtcDateTime;
        complaint.OverdueAt = null; // the new deadline may be missed, and announced, again
        Announce(db, complaint, previous, reason, "complaints.complaint.reopened");
    }

    private void Announce(ComplaintsDbContext db, Complaint complaint, ComplaintStatus previous, string? text, string action)
    {
        complaint.Version++;
        db.AddEvent(new ComplaintStatusChanged
        {
            EventId = NewId.NextGuid(),
            OccurredAt = time.GetUtcNow(),
            SourceAgency = messaging.Value.GatewayAgency,
            CorrelationId = complaint.Id,
            ComplaintId = complaint.Id,
            AgencyCode = complaint.AgencyCode!,
            Status = complaint.Status,
            PreviousStatus = previous,
            Text = text,
            ResponseDueAt = complaint.ResponseDueAt is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null,
        }, $"complaint:{complaint.Id}");
        if (complaint.CitizenId is { } citizen && complaint.Status != ComplaintStatus.Reopened)
        {
            // A complainant who filed signed in hears of the agency's answer and closing (not of their own reopening).
            ComplaintNotices.Add(db, citizen, complaint, text, time.GetUtcNow());
        }

        audit.Record(db, new AuditEntry(action, "complaint", complaint.Id.ToString(), AuditSummary.Of(db, complaint))
        {
            DataSubject = complaint.CitizenId?.ToString(),
        });
    }
}

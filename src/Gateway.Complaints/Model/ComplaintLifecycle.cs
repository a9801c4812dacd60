using Gateway.Contracts.Events.V1;

namespace Gateway.Complaints.Model;

/// <summary>
/// Which step a complaint may take next. The agency answers what is with it (routed, or reopened by the
/// complainant), closes what it answered; the complainant may reopen an answered or closed complaint once,
/// within <c>Complaints:ReopenDays</c> of the answer. An unrouted complaint is assigned first.
/// </summary>
public static class ComplaintLifecycle
{
    /// <summary>Statuses in which the agency (or Diskominfo's queue) owes an answer: the deadline runs.</summary>
    public static readonly ComplaintStatus[] AwaitingAnswer = [ComplaintStatus.Routed, ComplaintStatus.Unrouted, ComplaintStatus.Reopened];

    public static bool CanAnswer(Complaint complaint) => complaint.Status is ComplaintStatus.Routed or ComplaintStatus.Reopened;

    public static bool CanClose(Complaint complaint) => complaint.Status == ComplaintStatus.Answered;

    public static bool CanReopen(Complaint complaint, DateTime now, int reopenDays) =>
        complaint.Status is ComplaintStatus.Answered or ComplaintStatus.Closed
        && complaint.ReopenedAt is null
        && complaint.AnsweredAt is { } answered && now - answered <= TimeSpan.FromDays(reopenDays);

    public static bool IsOverdue(Complaint complaint, DateTime now) =>
        complaint.ResponseDueAt < now && AwaitingAnswer.Contains(complaint.Status);
}

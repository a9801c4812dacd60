using Gateway.Complaints.Model;
using Gateway.Contracts.Events.V1;

namespace Gateway.Complaints.Api;

/// <summary>
/// What the complainant sees (anyone holding the complaint's id: it is the tracking code of an anonymous
/// complaint): where it went, by when it must be answered, the agency's answer, and whether it may be
/// reopened. No contact details, no routing internals.
/// </summary>
public sealed record ComplaintStatusView(
    Guid Id,
    string Category,
    ComplaintClass Class,
    string Subject,
    ComplaintStatus Status,
    string? AgencyCode,
    DateTime FiledAt,
    DateTime? ResponseDueAt,
    bool Overdue,
    string? Answer,
    DateTime? AnsweredAt,
    DateTime? ClosedAt,
    DateTime? ReopenedAt,
    bool CanReopen,
    ComplaintPhotoView? Photo);

/// <summary>The complaint's photo (its metadata taken out); staff fetch it from <c>…/complaints/{id}/photo</c>.</summary>
public sealed record ComplaintPhotoView(string ContentType, long Bytes, string Sha256);

/// <summary>What staff see (administrators any agency's, officers their own): also how to reach the complainant and why it was (not) routed.</summary>
public sealed record ComplaintStaffView(
    Guid Id,
    ComplaintChannel Channel,
    string Category,
    ComplaintClass Class,
    string Subject,
    string Description,
    string? Location,
    string? ExternalReference,
    string? ReporterContact,
    ComplaintStatus Status,
    string? AgencyCode,
    string? RoutingNote,
    DateTime FiledAt,
    DateTime? RoutedAt,
    int? ResponseWorkingDays,
    DateTime? ResponseDueAt,
    bool Overdue,
    string? Answer,
    DateTime? AnsweredAt,
    string? AnsweredBy,
    DateTime? ClosedAt,
    DateTime? ReopenedAt,
    string? ReopenReason,
    ComplaintPhotoView? Photo);

internal static class ComplaintViewMapping
{
    public static ComplaintStatusView ToStatusView(this Complaint c, DateTime now, int reopenDays) => new(
        c.Id, c.Category, c.Class, c.Subject, c.Status, c.AgencyCode, c.FiledAt, c.ResponseDueAt, ComplaintLifecycle.IsOverdue(c, now),
        c.Answer, c.AnsweredAt, c.ClosedAt, c.ReopenedAt, ComplaintLifecycle.CanReopen(c, now, reopenDays), c.PhotoView());

    public static ComplaintStaffView ToStaffView(this Complaint c, DateTime now) => new(
        c.Id, c.Channel, c.Category, c.Class, c.Subject, c.Description, c.Location, c.ExternalReference, c.ReporterContact,
        c.Status, c.AgencyCode, c.RoutingNote, c.FiledAt, c.RoutedAt, c.ResponseWorkingDays, c.ResponseDueAt, ComplaintLifecycle.IsOverdue(c, now),
        c.Answer, c.AnsweredAt, c.AnsweredBy, c.ClosedAt, c.ReopenedAt, c.ReopenReason, c.PhotoView());

    private static ComplaintPhotoView? PhotoView(this Complaint c) =>
        c.PhotoId is null ? null : new(c.PhotoContentType!, c.PhotoBytes ?? 0, c.PhotoSha256!);
}

using Gateway.Complaints.Model;
using Gateway.Contracts.Events.V1;
using MassTransit;

namespace Gateway.Complaints.Events;

/// <summary>
/// A complaint and its <see cref="ComplaintFiled"/>, both ways, side by side so a new field is carried
/// in both directions: the API announces what it stored; the consumer stores what another channel announced.
/// </summary>
internal static class ComplaintFiledMapping
{
    public static ComplaintFiled ToFiledEvent(this Complaint complaint, DateTimeOffset occurredAt, string sourceAgency) => new()
    {
        EventId = NewId.NextGuid(),
        OccurredAt = occurredAt,
        SourceAgency = sourceAgency,
        CorrelationId = complaint.Id,
        ComplaintId = complaint.Id,
        Channel = complaint.Channel,
        Category = complaint.Category,
        Class = complaint.Class,
        Subject = complaint.Subject,
        Description = complaint.Description,
        Location = complaint.Location,
        ExternalReference = complaint.ExternalReference,
        CitizenId = complaint.CitizenId,
    };

    /// <summary>Where the complaint now is (by a rule, or by an administrator) and its deadline, as stored.</summary>
    public static ComplaintRouted ToRoutedEvent(this Complaint complaint, DateTimeOffset occurredAt, string sourceAgency, Guid correlationId) => new()
    {
        EventId = NewId.NextGuid(),
        OccurredAt = occurredAt,
        SourceAgency = sourceAgency,
        CorrelationId = correlationId,
        ComplaintId = complaint.Id,
        Category = complaint.Category,
        Class = complaint.Class,
        AgencyCode = complaint.AgencyCode!,
        Unrouted = complaint.Status == ComplaintStatus.Unrouted,
        ResponseWorkingDays = complaint.ResponseWorkingDays ?? 0,
        ResponseDueAt = new DateTimeOffset(complaint.ResponseDueAt!.Value, TimeSpan.Zero),
    };

    public static Complaint ToComplaint(this ComplaintFiled filed) => new()
    {
        Id = filed.ComplaintId,
        Channel = filed.Channel,
        Category = filed.Category,
        Class = filed.Class,
        Subject = filed.Subject,
        Description = filed.Description,
        Location = filed.Location,
        ExternalReference = filed.ExternalReference,
        CitizenId = filed.CitizenId,
        FiledAt = filed.OccurredAt.UtcDateTime,
        Status = ComplaintStatus.Filed,
    };
}

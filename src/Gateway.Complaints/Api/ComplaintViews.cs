using Gateway.Complaints.Model;
using Gateway.Contracts.Events.V1;

namespace Gateway.Complaints.Api;

/// <summary>What the complainant sees: where the complaint went and by when it must be answered.</summary>
public sealed record ComplaintStatusView(
    Guid Id,
    string Category,
    ComplaintClass Class,
    string Subject,
    ComplaintStatus Status,
    string? AgencyCode,
    DateTime FiledAt,
    DateTime? ResponseDueAt);

/// <summary>What an administrator sees, including how to reach the complainant and why it was (not) routed.</summary>
public sealed record ComplaintAdminView(
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
    DateTime? ResponseDueAt);

internal static class ComplaintViewMapping
{
    public static ComplaintStatusView ToStatusView(this Complaint c) =>
        new(c.Id, c.Category, c.Class, c.Subject, c.Status, c.AgencyCode, c.FiledAt, c.ResponseDueAt);

    public static ComplaintAdminView ToAdminView(this Complaint c) => new(
        c.Id, c.Channel, c.Category, c.Class, c.Subject, c.Description, c.Location, c.ExternalReference, c.ReporterContact,
        c.Status, c.AgencyCode, c.RoutingNote, c.FiledAt, c.RoutedAt, c.ResponseWorkingDays, c.ResponseDueAt);
}

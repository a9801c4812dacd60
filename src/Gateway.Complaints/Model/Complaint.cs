using Gateway.Contracts.Events.V1;

namespace Gateway.Complaints.Model;

public enum ComplaintStatus
{
    /// <summary>Stored, waiting for routing (which follows within a second).</summary>
    Filed,

    /// <summary>Assigned to the responsible agency by a rule.</summary>
    Routed,

    /// <summary>No rule matched (or the agency is not registered): in the Diskominfo queue for a person to assign.</summary>
    Unrouted,
}

/// <summary>A complaint, whichever channel it came from, and where it was routed.</summary>
public sealed class Complaint
{
    public Guid Id { get; set; }
    public ComplaintChannel Channel { get; set; }
    public required string Category { get; set; }
    public ComplaintClass Class { get; set; }
    public required string Subject { get; set; }
    public required string Description { get; set; }
    public string? Location { get; set; }
    public string? ExternalReference { get; set; }
    public Guid? CitizenId { get; set; }

    /// <summary>How to reach the complainant when not signed in (phone or e-mail); never published in events.</summary>
    public string? ReporterContact { get; set; }

    public DateTime FiledAt { get; set; }
    public ComplaintStatus Status { get; set; }
    public string? AgencyCode { get; set; }

    /// <summary>The rule that matched, or why none did: shown to the administrator who reassigns it.</summary>
    public string? RoutingNote { get; set; }

    public DateTime? RoutedAt { get; set; }
    public int? ResponseWorkingDays { get; set; }
    public DateTime? ResponseDueAt { get; set; }
}

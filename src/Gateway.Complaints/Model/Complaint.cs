using Gateway.Contracts.Events.V1;

namespace Gateway.Complaints.Model;

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

    /// <summary>The agency's answer, shown to the complainant.</summary>
    public string? Answer { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>The officer's account id.</summary>
    public string? AnsweredBy { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>Set when the complainant reopened it (once only), with why.</summary>
    public DateTime? ReopenedAt { get; set; }

    public string? ReopenReason { get; set; }

    /// <summary>When the current deadline was announced as missed (<c>ComplaintOverdue</c>); cleared by a new deadline.</summary>
    public DateTime? OverdueAt { get; set; }

    /// <summary>The complaint's photo, if one was sent (stored as <c>{complaint}/{photo}</c>, its metadata taken out).</summary>
    public Guid? PhotoId { get; set; }

    public string? PhotoContentType { get; set; }
    public long? PhotoBytes { get; set; }
    public string? PhotoSha256 { get; set; }

    /// <summary>Optimistic concurrency: an officer's answer and the complainant's reopening never overwrite each other.</summary>
    public int Version { get; set; }
}

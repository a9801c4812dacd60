using System.ComponentModel.DataAnnotations;
using Gateway.Contracts.Events.V1;

namespace Gateway.Complaints.Routing;

/// <summary>Settings under <c>Complaints</c>: routing rules and response times (working days on the city's <c>Calendar</c>).</summary>
public sealed class ComplaintOptions
{
    public const string Section = "Complaints";

    /// <summary>Category to agency, first match wins. A category ending in <c>*</c> matches by prefix (<c>jalan-*</c>).</summary>
    public List<RoutingRule> Rules { get; set; } = [];

    /// <summary>What the portal's complaint form offers; empty: <see cref="ComplaintCategory.Defaults"/>.</summary>
    public List<ComplaintCategory> Categories { get; set; } = [];

    /// <summary>Where complaints no rule routes go: a person there assigns them. Never dropped.</summary>
    [Required]
    public string FallbackAgency { get; set; } = "diskominfo";

    /// <summary>Working days an agency has to answer, by complaint class (again from a reopening).</summary>
    public ResponseTimes ResponseWorkingDays { get; set; } = new();

    /// <summary>Days after the answer within which the complainant may reopen a complaint (once).</summary>
    [Range(1, 365)]
    public int ReopenDays { get; set; } = 30;

    /// <summary>How often complaints past their response deadline are looked for (each announced once).</summary>
    [Range(1, 3600)]
    public int OverdueCheckSeconds { get; set; } = 60;

    public Photos.PhotoOptions Photos { get; set; } = new();
}

public sealed class RoutingRule
{
    [Required]
    public string Category { get; set; } = "";

    [Required]
    public string AgencyCode { get; set; } = "";
}

public sealed class ResponseTimes
{
    [Range(1, 365)]
    public int Urgent { get; set; } = 2;

    [Range(1, 365)]
    public int Simple { get; set; } = 5;

    [Range(1, 365)]
    public int Complex { get; set; } = 14;

    [Range(1, 365)]
    public int Structural { get; set; } = 60;

    public int For(ComplaintClass complaintClass) => complaintClass switch
    {
        ComplaintClass.Urgent => Urgent,
        ComplaintClass.Simple => Simple,
        ComplaintClass.Complex => Complex,
        _ => Structural,
    };
}

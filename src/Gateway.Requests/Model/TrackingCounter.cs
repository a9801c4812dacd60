namespace Gateway.Requests.Model;

/// <summary>The last serial used for an agency in a year; incremented in the submitting transaction.</summary>
public sealed class TrackingCounter
{
    public required string AgencyCode { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}

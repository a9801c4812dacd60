namespace Gateway.Requests.Model;

/// <summary>
/// One citizen's answer to the public satisfaction survey (PermenPANRB 14/2017) about one completed request:
/// the nine elements, each 1 (not good) to 4 (very good), in the order of the survey's elements (<c>Satisfaction.Ikm</c>). Kept apart
/// from the request's personal data; results are only ever shown aggregated.
/// </summary>
public sealed class SurveyResponse
{
    public Guid Id { get; set; }

    /// <summary>The request asked about: one answer per request.</summary>
    public Guid RequestId { get; set; }

    public required string ServiceSlug { get; set; }
    public required string AgencyCode { get; set; }

    public short U1 { get; set; }
    public short U2 { get; set; }
    public short U3 { get; set; }
    public short U4 { get; set; }
    public short U5 { get; set; }
    public short U6 { get; set; }
    public short U7 { get; set; }
    public short U8 { get; set; }
    public short U9 { get; set; }

    /// <summary>Free-text suggestion, optional.</summary>
    public string? Suggestion { get; set; }

    public DateTime AnsweredAt { get; set; }
}

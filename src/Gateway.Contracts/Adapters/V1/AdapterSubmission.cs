namespace Gateway.Contracts.Adapters.V1;

/// <summary>A citizen's request as an adapter receives it, to file in the agency's own system.</summary>
public sealed record AdapterSubmission
{
    public required Guid RequestId { get; init; }

    /// <summary>The gateway's number (e.g. <c>BDG-DISDUKCAPIL-2026-000123</c>). Send it to the legacy system as its reference where it takes one: that makes a repeated submit find the first.</summary>
    public required string TrackingNumber { get; init; }

    public required string ServiceSlug { get; init; }
    public required string AgencyCode { get; init; }
    public required Applicant Applicant { get; init; }

    /// <summary>The form's answers, name to text, as the catalogue's form declares them.</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }
    public required DateTimeOffset DueAt { get; init; }
}

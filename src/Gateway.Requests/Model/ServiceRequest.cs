using Gateway.Contracts.Events.V1;

namespace Gateway.Requests.Model;

/// <summary>A citizen's application for a catalogue service, whichever agency's system ends up handling it.</summary>
public sealed class ServiceRequest
{
    public Guid Id { get; set; }

    /// <summary>What the citizen quotes: <c>{city}-{AGENCY}-{year}-{serial}</c>, e.g. <c>BDG-DPMPTSP-2026-000123</c>.</summary>
    public required string TrackingNumber { get; set; }

    public required string ServiceSlug { get; set; }
    public required string AgencyCode { get; set; }

    /// <summary>The adapter that files it in the agency's system (bound to the service by configuration).</summary>
    public required string AdapterName { get; set; }

    public Guid CitizenId { get; set; }
    public string? ApplicantNik { get; set; }
    public required string ApplicantName { get; set; }
    public string? ApplicantEmail { get; set; }
    public string? ApplicantPhone { get; set; }

    /// <summary>The form's answers (name to text), as sent to the agency.</summary>
    public required Dictionary<string, string> Fields { get; set; }

    /// <summary>The citizen's idempotency key: a retried submit with the same key finds this request.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>SHA-256 of the submitted service and answers, to refuse a key reused for a different request.</summary>
    public required string ContentHash { get; set; }

    public ServiceRequestStatus Status { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>From the service standard at the time of submission; a later change of the standard does not move it.</summary>
    public int CompletionWorkingDays { get; set; }

    public DateTime DueAt { get; set; }

    /// <summary>Set when <see cref="ServiceRequestOverdue"/> was queued, so it is published once.</summary>
    public DateTime? OverdueAt { get; set; }

    public DispatchState Dispatch { get; set; }
    public int DispatchAttempts { get; set; }
    public DateTime? NextDispatchAt { get; set; }

    /// <summary>The agency system's case number, once it accepted the request.</summary>
    public string? ExternalReference { get; set; }

    /// <summary>The last status the agency's system reported, in its own words.</summary>
    public string? LegacyStatus { get; set; }

    /// <summary>
    /// The status the agency's system last reported, mapped. The poller records a move only when this changes,
    /// so an officer's move made in the gateway stands until the agency's system itself moves on.
    /// </summary>
    public ServiceRequestStatus? AgencyStatus { get; set; }

    public DateTime? LastPolledAt { get; set; }

    /// <summary>What is wrong, for operators (legacy app down, unmapped status, malformed answer); null when all is well.</summary>
    public string? Problem { get; set; }

    public DateTime? ProblemSince { get; set; }

    /// <summary>Optimistic concurrency between the API, the dispatcher and the poller.</summary>
    public int Version { get; set; }

    public List<TimelineEntry> Timeline { get; set; } = [];
    public List<RequestDocument> Documents { get; set; } = [];
}

/// <summary>Where the request is on its way to the agency's system.</summary>
public enum DispatchState
{
    /// <summary>Not yet accepted by the agency's system; the dispatcher keeps trying.</summary>
    Pending,

    /// <summary>Filed: the agency's system has a case number for it.</summary>
    Filed,

    /// <summary>Cancelled by the citizen before it was filed: never sent.</summary>
    Withdrawn,
}

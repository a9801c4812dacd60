namespace Gateway.Contracts.Events.V1;

/// <summary>Where a complaint stands, from filing to the complainant's last word.</summary>
public enum ComplaintStatus
{
    /// <summary>Stored, waiting for routing (which follows within a second).</summary>
    Filed,

    /// <summary>With the responsible agency (by a rule, or assigned by an administrator), waiting for its answer.</summary>
    Routed,

    /// <summary>No rule matched (or the agency is not registered): in the Diskominfo queue for a person to assign.</summary>
    Unrouted,

    /// <summary>The agency answered; the complainant may reopen it once if unsatisfied.</summary>
    Answered,

    /// <summary>The complainant was not satisfied with the answer: back with the agency, with a new deadline.</summary>
    Reopened,

    /// <summary>The agency closed it after answering. Final, except for the complainant's one reopening.</summary>
    Closed,
}

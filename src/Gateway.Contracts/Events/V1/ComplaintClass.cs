namespace Gateway.Contracts.Events.V1;

/// <summary>How much work an answer takes; sets the response deadline in working days (configurable, see docs/events.md).</summary>
public enum ComplaintClass
{
    /// <summary>Danger to people or a service stopped: 2 working days by default.</summary>
    Urgent,

    /// <summary>Answerable from the agency's own records: 5 working days by default.</summary>
    Simple,

    /// <summary>Needs a site visit or another agency: 14 working days by default.</summary>
    Complex,

    /// <summary>Needs a policy or budget decision: 60 working days by default.</summary>
    Structural,
}

namespace Gateway.Platform.Audit;

/// <summary>
/// One line of the audit trail: who did what to which target, when, from where, and — where a citizen's
/// personal data was involved — whose data and which agency or app received it. Written by the module
/// that makes the change, in the same SaveChanges (<see cref="AuditTrail"/>); never updated afterwards
/// except once by the audit module's sealer, which chains it to the record before (the seal fields).
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The account id of a person, the client id of an app acting for itself, <c>admin-key</c>, or <c>system</c>.</summary>
    public required string ActorSubject { get; set; }

    public string? ActorRole { get; set; }

    /// <summary>An officer's agency.</summary>
    public string? ActorAgency { get; set; }

    /// <summary>The OpenID Connect client the actor used (the console, the portal, an agency app).</summary>
    public string? ActorClient { get; set; }

    /// <summary>The client address as the edge saw it (after trusted forwarded headers).</summary>
    public string? ActorAddress { get; set; }

    /// <summary>At a counter (assisted channel): the citizen the officer acted for.</summary>
    public string? OnBehalfOf { get; set; }

    /// <summary>What happened, e.g. <c>catalogue.agency.updated</c> (listed in docs/audit.md).</summary>
    public required string Action { get; set; }

    public required string TargetType { get; set; }

    public required string TargetId { get; set; }

    /// <summary>JSON: the fields changed, before and after, without secrets; or what was read or sent.</summary>
    public string? Summary { get; set; }

    /// <summary>The citizen (account id) whose personal data this record is about; what their own page lists.</summary>
    public string? DataSubject { get; set; }

    /// <summary>The agency or app that received or read the data.</summary>
    public string? Recipient { get; set; }

    /// <summary>The W3C trace id of the request that made the change.</summary>
    public string? TraceId { get; set; }

    /// <summary>Position in the chain, given by the sealer (null until sealed, normally within seconds).</summary>
    public long? Sequence { get; set; }

    /// <summary>The hash of the record sealed just before this one.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 over this record's content and <see cref="PreviousHash"/>: editing, deleting or reordering records breaks the chain.</summary>
    public string? Hash { get; set; }

    public DateTimeOffset? SealedAt { get; set; }
}

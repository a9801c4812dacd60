using System.ComponentModel.DataAnnotations;

namespace Gateway.Audit;

/// <summary>The audit trail's settings (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>How often new records are chained; until then a record is stored but not yet tamper-evident.</summary>
    [Range(1, 3600)]
    public int SealSeconds { get; set; } = 2;

    /// <summary>
    /// How long records are kept (five years by default: the SPBE evaluation looks back over several
    /// years). Older sealed records are deleted; the chain stays verifiable from the last one deleted,
    /// whose position and hash are kept as the chain's anchor. 0 keeps nothing once sealed (for tests).
    /// </summary>
    [Range(0, 36_500)]
    public int RetentionDays { get; set; } = 1825;

    /// <summary>How often old records are looked for.</summary>
    [Range(1, 86_400)]
    public int PruneIntervalSeconds { get; set; } = 3600;
}

using System.ComponentModel.DataAnnotations;

namespace Gateway.Audit;

/// <summary>The audit trail's settings (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>How often new records are chained; until then a record is stored but not yet tamper-evident.</summary>
    [Range(1, 3600)]
    public int SealSeconds { get; set; } = 2;
}

using Gateway.Platform.Catalogue;

namespace Gateway.Catalogue.Model;

/// <summary>The last known health of a service, stored so "down since 09:14" survives a restart.</summary>
public sealed class ServiceHealthRecord
{
    public Guid ServiceId { get; set; }
    public HealthState State { get; set; }
    public DateTimeOffset Since { get; set; }
    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>A short, operator-readable reason, e.g. "2 of 2 destinations failing".</summary>
    public string? Detail { get; set; }
}

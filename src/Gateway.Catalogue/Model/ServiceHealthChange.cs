using Gateway.Platform.Catalogue;

namespace Gateway.Catalogue.Model;

/// <summary>
/// One change of a service's stored status (up, degraded, down), kept as history: a service's availability
/// over the last 30 days is read from these, and incidents are their down periods.
/// </summary>
public sealed class ServiceHealthChange
{
    public long Id { get; set; }
    public Guid ServiceId { get; set; }
    public HealthState State { get; set; }
    /// <summary>UTC; when the service entered this state.</summary>
    public DateTime At { get; set; }
}

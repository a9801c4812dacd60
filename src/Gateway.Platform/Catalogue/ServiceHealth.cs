namespace Gateway.Platform.Catalogue;

/// <summary>The live status of one exposed service.</summary>
/// <param name="Detail">Short and operator-readable, e.g. "2 of 2 destinations failing".</param>
public sealed record ServiceHealthEntry(Guid ServiceId, string Slug, HealthState State, DateTimeOffset Since, DateTimeOffset CheckedAt, string? Detail);

public enum HealthState
{
    /// <summary>Not checked yet, or no health-check path and no traffic.</summary>
    Unknown,
    Up,

    /// <summary>Answering, but some destinations or some recent probes failed.</summary>
    Degraded,
    Down,
}

/// <summary>The live status of every exposed service, kept by the proxy module; read by the catalogue's APIs.</summary>
public interface IServiceHealthBoard
{
    ServiceHealthEntry? Find(string slug);

    IReadOnlyCollection<ServiceHealthEntry> All();
}

/// <summary>
/// Stores status changes, so they survive restarts and reach other replicas and subscribers (the
/// catalogue owns the stored status and announces <c>ServiceHealthChanged</c>).
/// </summary>
public interface IServiceHealthStore
{
    Task SaveAsync(IReadOnlyCollection<ServiceHealthEntry> changes, CancellationToken cancellationToken);
}

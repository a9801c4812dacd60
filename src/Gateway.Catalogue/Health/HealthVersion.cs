namespace Gateway.Catalogue.Health;

/// <summary>
/// Counts the stored status changes this replica has made (each replica's prober sees every change), so that
/// whatever shows services' status — the portal's kept pages — knows when what it showed went stale.
/// </summary>
public sealed class HealthVersion
{
    private long _version;

    public long Current => Interlocked.Read(ref _version);

    internal void Bump() => Interlocked.Increment(ref _version);
}

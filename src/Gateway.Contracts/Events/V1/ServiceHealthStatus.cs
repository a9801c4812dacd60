namespace Gateway.Contracts.Events.V1;

public enum ServiceHealthStatus
{
    Unknown,
    Up,
    Degraded,
    Down,
}

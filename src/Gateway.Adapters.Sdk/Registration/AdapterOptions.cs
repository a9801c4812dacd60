using System.ComponentModel.DataAnnotations;

namespace Gateway.Adapters.Sdk.Registration;

/// <summary>
/// Settings under <c>Adapters:{Name}</c>, read by the adapter service: where the legacy app is, how patient
/// to be, and the credentials it wants. Which catalogue services it files for is the catalogue's business
/// (the services whose app is this adapter service), and how often it is polled the gateway's. Secrets
/// come from the environment or a Kubernetes Secret (<c>Adapters__Disdukcapil__ApiKey</c>), never from a
/// committed file.
/// </summary>
public sealed class AdapterOptions
{
    public const string Section = "Adapters";

    /// <summary>The legacy app's base address, e.g. <c>http://siak.disdukcapil.local/</c>; an adapter service refuses to start without it.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Per attempt; a legacy call slower than this counts as unavailable.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Calls within 30 s before the circuit breaker judges the app (then it opens at half of them failed,
    /// for 15 s: a dead app is not hammered, and requests wait as pending meanwhile).
    /// </summary>
    [Range(2, 100_000)]
    public int CircuitBreakerMinimumCalls { get; set; } = 10;

    /// <summary>Header for <see cref="ApiKey"/>, e.g. <c>X-Api-Key</c>.</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    public string? ApiKey { get; set; }

    /// <summary>For HTTP basic authentication, with <see cref="Password"/>.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }
}

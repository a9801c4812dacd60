namespace Gateway.Contracts.Adapters.V1;

/// <summary>The key an adapter service proves its answers with, as both the gateway and the SDK check it.</summary>
public static class AdapterKeys
{
    /// <summary>Adapter keys are random and long: a shorter one is refused on both ends.</summary>
    public const int MinimumLength = 32;
}

using Gateway.Adapters.Sdk.Registration;

namespace Adapters.Disdukcapil;

public static class DisdukcapilRegistration
{
    /// <summary>Settings under <c>Adapters:Disdukcapil</c> (BaseAddress, ApiKey, ApiKeyHeader <c>X-SIAK-Key</c>, Services).</summary>
    public const string Name = "Disdukcapil";

    /// <summary>Registers the SIAK adapter and its Refit client with the SDK's defaults.</summary>
    public static AdapterBuilder AddDisdukcapil(this AdapterBuilder adapters)
    {
        adapters.AddLegacyClient<ISiakApi>(Name, SiakJson.Default);
        adapters.AddCivilRegistry<SiakRegistry>();
        return adapters.Add<DisdukcapilAdapter>(Name);
    }
}

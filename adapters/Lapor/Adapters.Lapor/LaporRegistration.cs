using Gateway.Adapters.Sdk.Registration;

namespace Adapters.Lapor;

public static class LaporRegistration
{
    /// <summary>Settings under <c>Adapters:Lapor</c> (BaseAddress, ApiKeyHeader <c>X-Lapor-Token</c>, ApiKey, Services).</summary>
    public const string Name = "Lapor";

    /// <summary>Registers the LAPOR! adapter and its Refit client with the SDK's defaults.</summary>
    public static AdapterBuilder AddLapor(this AdapterBuilder adapters)
    {
        adapters.AddLegacyClient<ILaporApi>(Name, LaporJson.Default);
        return adapters.Add<LaporAdapter>(Name);
    }
}

using Gateway.Adapters.Sdk.Registration;

namespace Adapters.Dinasku;

public static class DinaskuRegistration
{
    /// <summary>Settings under <c>Adapters:Dinasku</c> (BaseAddress, ApiKeyHeader, ApiKey, Services).</summary>
    public const string Name = "Dinasku";

    /// <summary>One line in the adapter service's <c>Program.cs</c>: <c>builder.AddAdapterService(adapters => adapters.AddDinasku())</c>.</summary>
    public static AdapterBuilder AddDinasku(this AdapterBuilder adapters)
    {
        adapters.AddLegacyClient<IDinaskuApi>(Name, DinaskuJson.Default);
        return adapters.Add<DinaskuAdapter>(Name);
    }
}

using Gateway.Adapters.Sdk.Registration;

namespace Adapters.Rsud;

public static class RsudRegistration
{
    /// <summary>Settings under <c>Adapters:Rsud</c> (BaseAddress, Username, Password, TimeoutSeconds).</summary>
    public const string Name = "Rsud";

    /// <summary>Registers the SIMRS adapter and its client with the SDK's defaults.</summary>
    public static AdapterBuilder AddRsud(this AdapterBuilder adapters)
    {
        adapters.AddLegacyClient<ISimrsApi>(Name, SimrsJson.Default);
        return adapters.Add<RsudAdapter>(Name);
    }
}

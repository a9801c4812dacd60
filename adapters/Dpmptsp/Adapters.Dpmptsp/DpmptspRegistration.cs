using Gateway.Adapters.Sdk.Registration;
using Gateway.Adapters.Sdk.Serialization;

namespace Adapters.Dpmptsp;

public static class DpmptspRegistration
{
    /// <summary>Settings under <c>Adapters:Dpmptsp</c> (BaseAddress, ApiKey, Services).</summary>
    public const string Name = "Dpmptsp";

    /// <summary>Registers the SIMPERIZINAN adapter and its SOAP client with the SDK's defaults.</summary>
    public static AdapterBuilder AddDpmptsp(this AdapterBuilder adapters)
    {
        adapters.AddLegacyClient<ISimperizinanApi>(Name, new SoapContentSerializer());
        return adapters.Add<DpmptspAdapter>(Name);
    }
}

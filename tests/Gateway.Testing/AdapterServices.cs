using System.Text.Json.Nodes;
using Gateway.Adapters.Sdk.Service;
using Microsoft.AspNetCore.Builder;

namespace Gateway.Testing;

/// <summary>An agency's adapter run as its own service for these tests, trusting the gateway under test, and its catalogue exposure.</summary>
public static class AdapterServices
{
    /// <param name="legacy">Where the adapter's legacy app listens, with the header and key it expects.</param>
    public static Task<AdapterServiceApp> StartAsync(
        Action<WebApplicationBuilder> add, Action<WebApplication> map, string adapter, string agency, string key, GatewayApp gateway,
        (Uri Address, string KeyHeader, string Key) legacy, IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AdapterService:Adapter"] = adapter,
            ["AdapterService:AgencyCode"] = agency,
            ["AdapterService:Key"] = key,
            ["AdapterService:Gateway"] = gateway.PortalAddress.ToString(),
            ["AdapterService:AllowHttp"] = "true",
            [$"Adapters:{adapter}:BaseAddress"] = legacy.Address.ToString(),
            [$"Adapters:{adapter}:ApiKeyHeader"] = legacy.KeyHeader,
            [$"Adapters:{adapter}:ApiKey"] = legacy.Key,
        };
        foreach (var (name, value) in more ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }

        return AdapterServiceApp.StartAsync(add, map, settings);
    }

    /// <summary>An exposure whose app is the adapter service: upstream authentication <c>adapter</c> with its key.</summary>
    public static JsonObject Exposure(Uri adapter, string key)
    {
        var exposure = TestData.Exposure(adapter, access: "citizen");
        exposure["upstreamAuth"] = new JsonObject { ["kind"] = "adapter", ["secret"] = key };
        return exposure;
    }
}

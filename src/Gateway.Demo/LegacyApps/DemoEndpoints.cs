using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Adapters.Disdukcapil;
using Microsoft.Extensions.Configuration;

namespace Gateway.Demo.LegacyApps;

/// <summary>
/// Where this run's demo legacy apps and adapter services listen, and their secrets: chosen while the
/// host is built, so configuration and the catalogue seed can point at them before anything starts.
/// </summary>
public sealed class DemoEndpoints
{
    private readonly Dictionary<string, (int Port, string Secret, int AdapterPort, string AdapterKey)> _bySystem =
        DemoLegacyApps.Systems.ToDictionary(s => s.Adapter, _ => (FreePort(), NewSecret(), FreePort(), NewSecret()));

    internal (int Port, string Secret, int AdapterPort, string AdapterKey) Of(string adapter) => _bySystem[adapter];

    /// <summary>The adapter service that files <paramref name="serviceSlug"/>'s requests, and its key; null for other services.</summary>
    internal (Uri Address, string Key)? AdapterFor(string serviceSlug) =>
        DemoLegacyApps.Systems.FirstOrDefault(s => s.Services.Contains(serviceSlug)) is { } system
            ? (new Uri($"http://127.0.0.1:{_bySystem[system.Adapter].AdapterPort}/"), _bySystem[system.Adapter].AdapterKey)
            : null;

    /// <summary>
    /// Polls the adapter services every 5 s and asks the Disdukcapil adapter service for the NIK check at
    /// sign-up (through the first service it files for), unless configuration already says otherwise.
    /// Nothing of an adapter runs inside the gateway: the catalogue binds services to the adapter services.
    /// </summary>
    public static void Configure(IConfigurationBuilder configuration, IConfiguration current)
    {
        var registry = DemoLegacyApps.Systems.Single(s => s.Adapter == DisdukcapilRegistration.Name).Services[0];
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Requests:AdapterServicePollSeconds"] = current["Requests:AdapterServicePollSeconds"] ?? "5",
            ["Requests:CivilRegistryService"] = current["Requests:CivilRegistryService"] ?? registry,
        });
    }

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

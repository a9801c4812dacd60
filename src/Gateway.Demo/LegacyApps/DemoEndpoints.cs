using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Gateway.Adapters.Sdk.Registration;
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
    /// Points the gateway's own Disdukcapil client at SIAK (the NIK check at sign-up runs in the gateway)
    /// and polls the adapter services every 5 s, unless configuration already says otherwise. No service
    /// is bound to an adapter compiled into the gateway: the catalogue binds them to the adapter services.
    /// </summary>
    public void Configure(IConfigurationBuilder configuration, IConfiguration current)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Requests:AdapterServicePollSeconds"] = current["Requests:AdapterServicePollSeconds"] ?? "5",
        };
        foreach (var system in DemoLegacyApps.Systems)
        {
            var section = $"{AdapterOptions.Section}:{system.Adapter}";
            if (current[$"{section}:BaseAddress"] is not null)
            {
                continue; // pointed at a real system: leave it alone
            }

            var (port, secret, _, _) = _bySystem[system.Adapter];
            settings[$"{section}:BaseAddress"] = $"http://127.0.0.1:{port}/";
            foreach (var (key, value) in system.Settings(secret))
            {
                settings[$"{section}:{key}"] = value;
            }
        }

        configuration.AddInMemoryCollection(settings);
    }

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

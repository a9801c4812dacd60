using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Gateway.Identity.IntegrationTests;

/// <summary>The bootstrap admin key works on the server itself and nowhere else.</summary>
public sealed class AdminKeyTests
{
    [Fact]
    public async Task The_admin_key_is_accepted_from_loopback_and_refused_from_another_address()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));
        using var gateway = await GatewayProcess.StartAsync(dataDirectory, new Dictionary<string, string?>(), allInterfaces: true);
        var external = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Assert.True(external is not null, "this test needs a non-loopback IPv4 address on the machine");

        using var local = gateway.CreateAdminClient();
        using var remote = new HttpClient { BaseAddress = new Uri($"http://{external}:{gateway.Address.Port}") };
        remote.DefaultRequestHeaders.Host = gateway.AdminAddress.Authority;
        remote.DefaultRequestHeaders.Add("X-Admin-Key", GatewayApp.AdminKey);
        remote.DefaultRequestHeaders.Add("X-Forwarded-For", "127.0.0.1"); // a header cannot make a caller local

        var fromLoopback = await local.GetAsync("/api/admin/clients");
        var fromElsewhere = await remote.GetAsync("/api/admin/clients");

        Assert.Equal(HttpStatusCode.OK, fromLoopback.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, fromElsewhere.StatusCode);
        Assert.Contains("localhost", (await fromElsewhere.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        gateway.Kill();
        Directory.Delete(dataDirectory, recursive: true);
    }
}

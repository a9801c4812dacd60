using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Testing;

/// <summary>
/// The gateway as a separate operating-system process (<c>dotnet Gateway.Host.dll</c>), for tests that
/// must kill it without warning — which an in-process host cannot show.
/// </summary>
public sealed class GatewayProcess : IDisposable
{
    private readonly Process _process;

    private GatewayProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The portal origin; the administration and apps origins share its port.</summary>
    public Uri Address { get; }

    public Uri AdminAddress => LocalOrigins.AdminAt(Address.Port);

    public Uri AppsAddress => LocalOrigins.AppsAt(Address.Port);

    /// <summary>Starts the gateway on SQLite in <paramref name="dataDirectory"/> and waits until it is ready.</summary>
    /// <param name="allInterfaces">Listen on every interface (not only loopback), for tests that call from another address.</param>
    /// <param name="hostDirectory">Where Gateway.Host.dll is, e.g. a Release publish; by default the test's own build.</param>
    public static async Task<GatewayProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string?> settings, bool allInterfaces = false, string? hostDirectory = null)
    {
        var port = FreePort();
        hostDirectory ??= AppContext.BaseDirectory;
        var host = Path.Combine(hostDirectory, "Gateway.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = hostDirectory };
        start.ArgumentList.Add(host);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = allInterfaces ? $"http://0.0.0.0:{port}" : $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Admin__Key"] = GatewayApp.AdminKey;
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Edge__AllowHttp"] = "true";
        foreach (var limit in GatewayApp.UnlimitedForTests)
        {
            start.Environment[$"RateLimits__{limit}__Permits"] = "1000000";
        }
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the gateway process did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new GatewayProcess(process, LocalOrigins.PortalAt(port));
        using var client = gateway.CreateClient();
        await Eventually.HoldsAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the gateway process exited with {process.ExitCode}");
            }

            try
            {
                return (await client.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the gateway process to be ready", TimeSpan.FromSeconds(60));
        return gateway;
    }

    public HttpClient CreateAdminClient()
    {
        var client = LocalOrigins.Client(AdminAddress);
        client.DefaultRequestHeaders.Add("X-Admin-Key", GatewayApp.AdminKey);
        return client;
    }

    public HttpClient CreateClient() => LocalOrigins.Client(Address);

    public HttpClient CreateAppsClient() => LocalOrigins.Client(AppsAddress);

    /// <summary>SIGKILL: no shutdown, no flushing, no hosted service stopping.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

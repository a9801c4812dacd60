using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Gateway.Testing;

/// <summary>
/// A PostgreSQL server of one test's own (initdb in a temporary folder, on a free loopback port), for
/// tests that stop the database under a running gateway: stopping the shared server would fail every
/// other test. Uses the machine's PostgreSQL binaries (<c>/usr/lib/postgresql/*/bin</c>); run as root,
/// the server runs as the <c>postgres</c> user, which PostgreSQL insists on.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private PrivatePostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>A connection string to a database on this server (trust authentication, loopback only).</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ToString();

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql (apt-get install -y postgresql).");
        }

        var folder = Path.Combine(Path.GetTempPath(), "satupintu-pg", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await RunAsync("chown", "postgres:postgres", folder, asPostgres: false, mayFail: !IsRoot);
        var server = new PrivatePostgres(bin, folder, FreePort());
        await server.RunBinAsync("initdb", "-D", server.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Starts the server again on the same port and data (after <see cref="StopAsync"/>).</summary>
    public Task StartServerAsync() => RunBinAsync("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w",
        "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>Stops the server as an operator would for maintenance: connections are cut, new ones refused.</summary>
    public Task StopAsync() => RunBinAsync("pg_ctl", "-D", DataFolder, "-m", "fast", "-w", "stop");

    public Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync(ConnectionString());

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunBinAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop").ContinueWith(_ => { });
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder fails no test.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task RunBinAsync(string tool, params string[] arguments) =>
        RunAsync(Path.Combine(_bin, tool), arguments, asPostgres: IsRoot, mayFail: false);

    private static Task RunAsync(string tool, string owner, string folder, bool asPostgres, bool mayFail) =>
        RunAsync(tool, [owner, folder], asPostgres, mayFail);

    private static async Task RunAsync(string tool, IReadOnlyList<string> arguments, bool asPostgres, bool mayFail)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("postgres");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(tool);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && !mayFail)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

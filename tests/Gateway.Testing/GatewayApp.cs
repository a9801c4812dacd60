using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Testing;

/// <summary>
/// The real gateway (<c>Program</c>) on Kestrel at a loopback port, with its own SQLite file or
/// PostgreSQL database. Health probes run every second so status tests finish quickly.
/// </summary>
public sealed class GatewayApp : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    private readonly Dictionary<string, string?> _settings;

    private GatewayApp(DatabaseKind database, string dataDirectory, string? connectionString, bool demo, IReadOnlyDictionary<string, string?>? extra, int port = 0)
    {
        Database = database;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Database:Provider"] = database.ToString(),
            ["Database:ConnectionString"] = connectionString ?? string.Empty,
            ["Admin:Key"] = AdminKey,
            ["Demo:Enabled"] = demo ? "true" : "false",
            ["Proxy:Health:ProbeIntervalSeconds"] = "1",
            ["Proxy:Health:ProbeTimeoutSeconds"] = "1",
            ["Proxy:Health:EvaluationSeconds"] = "1",
            ["Audit:SealSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Edge:AllowHttp"] = "true",
        };
        // Tests share one gateway and one address; the limits' own tests start a gateway with the defaults.
        foreach (var limit in UnlimitedForTests)
        {
            _settings[$"RateLimits:{limit}:Permits"] = "1000000";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(port);
    }

    /// <summary>Every limit of <c>RateLimits</c>, raised out of reach unless a test's settings say otherwise.</summary>
    public static readonly string[] UnlimitedForTests =
    [
        "SignInPerAddress", "SignInPerLogin", "RegistrationPerAddress", "CodeResendPerAccount", "CodeResendPerAddress",
        "ForgotPasswordPerAddress", "ForgotPasswordPerLogin", "TokenPerAddress", "TokenPerClient", "SecretChecksPerClient",
        "ComplaintsPerAddress", "SearchPerAddress", "NikCheckPerAccount",
    ];

    public DatabaseKind Database { get; }
    public string DataDirectory { get; }
    public string? ConnectionString { get; }

    /// <summary>The host environment; <c>Testing</c> (development-like) unless a test starts one as a real deployment.</summary>
    public string EnvironmentName { get; private init; } = "Testing";

    /// <summary>
    /// A gateway in <paramref name="environment"/> (e.g. <c>Production</c>) with exactly these settings on top
    /// of the test defaults — for tests of what a real deployment refuses. Throws what the host throws.
    /// </summary>
    public static GatewayApp StartIn(string environment, IReadOnlyDictionary<string, string?> settings)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));
        var app = new GatewayApp(DatabaseKind.Sqlite, dataDirectory, null, demo: false, settings) { EnvironmentName = environment };
        app.StartServer();
        return app;
    }

    /// <summary>Whether disposing drops the PostgreSQL database (one this fixture created).</summary>
    private bool OwnsDatabase { get; init; } = true;

    /// <summary>Keep the database and data folder when disposed (to start again on them).</summary>
    public bool KeepData { get; set; }

    /// <param name="port">The loopback port to listen on; 0 picks a free one.</param>
    public static async Task<GatewayApp> StartAsync(
        DatabaseKind database, bool demo = false, IReadOnlyDictionary<string, string?>? settings = null, int port = 0)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));
        var connectionString = database == DatabaseKind.Postgres ? await PostgresServer.CreateDatabaseAsync() : null;
        var app = new GatewayApp(database, dataDirectory, connectionString, demo, settings, port);
        app.StartServer();
        return app;
    }

    /// <summary>A gateway on a PostgreSQL database the caller owns (e.g. on a <see cref="PrivatePostgres"/>); left in place when disposed.</summary>
    public static GatewayApp StartOnPostgres(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));
        var app = new GatewayApp(DatabaseKind.Postgres, dataDirectory, connectionString, demo: false, settings) { OwnsDatabase = false };
        app.StartServer();
        return app;
    }

    /// <summary>A gateway on SQLite in an existing data folder (e.g. one a killed <see cref="GatewayProcess"/> used).</summary>
    public static GatewayApp StartOnSqliteData(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new GatewayApp(DatabaseKind.Sqlite, dataDirectory, null, demo: false, settings);
        app.StartServer();
        return app;
    }

    /// <summary>A new gateway process on the same database and data folder, as after a restart.</summary>
    public GatewayApp StartAnotherOnSameData(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var demo = _settings["Demo:Enabled"] == "true";
        var app = new GatewayApp(Database, DataDirectory, ConnectionString, demo, settings);
        app.StartServer();
        return app;
    }

    /// <summary>The loopback port all three origins share.</summary>
    public int Port => new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    /// <summary>The people-facing origin: sign-in, account, public and citizen APIs, OpenID Connect.</summary>
    public Uri PortalAddress => LocalOrigins.PortalAt(Port);

    /// <summary>The administration origin: admin and officers' APIs, staff sign-in, Swagger.</summary>
    public Uri AdminAddress => LocalOrigins.AdminAt(Port);

    /// <summary>The apps origin: the proxied agency apps.</summary>
    public Uri AppsAddress => LocalOrigins.AppsAt(Port);

    /// <summary>A client of the portal origin (what most APIs and pages are on).</summary>
    public new HttpClient CreateClient() => LocalOrigins.Client(PortalAddress);

    /// <summary>A client of the apps origin, where agency apps are proxied.</summary>
    public HttpClient CreateAppsClient() => LocalOrigins.Client(AppsAddress);

    /// <summary>A client of the administration origin carrying the bootstrap admin key.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateAdministrationClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        return client;
    }

    /// <summary>A client of the administration origin without any credentials.</summary>
    public HttpClient CreateAdministrationClient() => LocalOrigins.Client(AdminAddress);

    /// <summary>Registers an agency through the admin API.</summary>
    public async Task CreateAgencyAsync(string code)
    {
        using var admin = CreateAdminClient();
        var response = await admin.PostAsJsonAsync("/api/admin/agencies", TestData.Agency(code));
        await response.EnsureSuccessAsync();
    }

    /// <summary>Every log line the gateway wrote, at every level, for tests that check what must never be logged.</summary>
    public LogSink Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (KeepData)
        {
            return;
        }

        if (ConnectionString is not null && OwnsDatabase)
        {
            await PostgresServer.DropDatabaseAsync(ConnectionString);
        }

        if (Directory.Exists(DataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await DeleteDataDirectoryAsync();
        }
    }

    // A background writer still stopping (SQLite journal, key ring) can add a file while the folder is being
    // removed ("Directory not empty", seen once in CI): try again until it is gone, for a short while; a
    // leftover temp folder fails no test.
    private async Task DeleteDataDirectoryAsync()
    {
        try
        {
            await Eventually.HoldsAsync(() => Task.FromResult(TryDelete(DataDirectory)), "the test's data folder to be removed", TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
        }
    }

    private static bool TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (IOException)
        {
            return !Directory.Exists(folder);
        }
    }
}

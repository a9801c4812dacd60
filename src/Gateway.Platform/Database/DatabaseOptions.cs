namespace Gateway.Platform.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database the gateway uses. SQLite is the embedded default; PostgreSQL is for production.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty with SQLite means <c>{Storage:DataDirectory}/satupintu.db</c>; required with PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the gateway starts. Turn off when a deployment job migrates instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// What <c>/healthz/ready</c> reports while PostgreSQL cannot be reached (stopped, restarting, network cut).
    /// Degraded (the default) keeps every replica in rotation: the proxy serves from the catalogue it holds
    /// in memory and writes answer 503 until the database is back; taking all replicas out would turn a
    /// database restart into a city-wide outage. A database that answers wrongly (missing, refusing the
    /// login) is always unhealthy.
    /// </summary>
    public DatabaseUnreachableStatus UnreachableStatus { get; set; } = DatabaseUnreachableStatus.Degraded;
}

public enum DatabaseUnreachableStatus
{
    Degraded,
    Unhealthy,
}

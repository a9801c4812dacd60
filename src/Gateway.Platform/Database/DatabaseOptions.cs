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
}

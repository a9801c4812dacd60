using Gateway.Platform.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Gateway.Platform.Database;

/// <summary>The provider and connection string actually used, resolved once from configuration.</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseConnection Resolve(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new DatabaseConnection(options.Provider, options.Provider == DatabaseProvider.Postgres
                ? WithAutoPrepare(options.ConnectionString)
                : options.ConnectionString);
        }

        if (options.Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Database:ConnectionString is required when Database:Provider is Postgres " +
                "(e.g. Host=db;Database=satupintu;Username=satupintu;Password=…).");
        }

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var file = Path.Combine(storage.ResolveDataDirectory(contentRoot), "satupintu.db");
        var builder = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 };
        return new DatabaseConnection(DatabaseProvider.Sqlite, builder.ToString());
    }

    /// <summary>
    /// Npgsql prepares statements it sees repeatedly unless told otherwise: the same few INSERTs and
    /// SELECTs run thousands of times (outbox, inbox, catalogue), and parsing and planning each one again
    /// cost more than executing it (measured: 4.7x the insert rate, bench/events/README.md). An explicit
    /// <c>Max Auto Prepare</c> in the connection string wins (set 0 behind a PgBouncer without prepared
    /// statement support).
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }

        builder.MaxAutoPrepare = 64;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    /// <summary>The SQLite file, when the provider is SQLite and the source is a file.</summary>
    public string? SqliteFile =>
        Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(ConnectionString).DataSource : null;
}

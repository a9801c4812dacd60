using Npgsql;

namespace Gateway.Testing;

/// <summary>The PostgreSQL server the tests use; each gateway fixture gets a database of its own.</summary>
public static class PostgresServer
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("SATUPINTU_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    public static Task<string> CreateDatabaseAsync() => CreateDatabaseAsync(ConnectionString);

    /// <summary>A new, empty database on the server <paramref name="server"/> connects to; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = "satupintu_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ToString();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

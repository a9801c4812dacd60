using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gateway.Platform.Database;

/// <summary>
/// Per-connection SQLite settings. With WAL, <c>synchronous=NORMAL</c> syncs at checkpoints instead of
/// at every commit: a commit survives a crash of the gateway, and only the last moments before a power
/// cut or kernel crash can be lost (SQLite's own advice for WAL). Commits are several times cheaper,
/// which the outbox and inbox (a transaction per event) depend on. PostgreSQL, for production, keeps
/// its full durability.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}

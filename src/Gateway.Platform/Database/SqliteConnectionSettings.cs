using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gateway.Platform.Database;

/// <summary>
/// Per-connection SQLite settings. With WAL, <c>synchronous=NORMAL</c> syncs at checkpoints instead of
/// at every commit: a commit survives a crash of the gateway, and only the last moments before a power
/// cut or kernel crash can be lost (SQLite's own advice for WAL). Commits are several times cheaper,
/// which the outbox and inbox (a transaction per event) depend on. PostgreSQL, for production, keeps
/// its full durability.
/// <c>busy_timeout</c>: when another connection of the gateway holds the write lock, SQLite itself waits
/// for it in steps of a few milliseconds. Without it Microsoft.Data.Sqlite retries after 150 ms sleeps,
/// which under concurrent writes (token issuance, the outbox) cost more than the writes.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

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

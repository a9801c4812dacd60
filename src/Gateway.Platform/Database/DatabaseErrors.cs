using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Gateway.Platform.Database;

/// <summary>What a database error means for the caller, independent of the provider.</summary>
public static class DatabaseErrors
{
    /// <summary>True when a save failed on a unique index (a concurrent writer took the same key first).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// True when the database could not be reached at all (connection refused or cut, server starting or
    /// shutting down, retries used up), as opposed to a database that answered with an error. Writes then
    /// answer 503 and readiness reports degraded; nothing was half-written (the transaction never committed).
    /// </summary>
    public static bool IsUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                    return true;
                case PostgresException postgres:
                    // Class 08: connection exception; 57P01–57P03: the server is shutting down or starting.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03";
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
            }
        }

        return false;
    }
}

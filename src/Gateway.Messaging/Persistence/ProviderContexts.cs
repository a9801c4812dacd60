using Gateway.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gateway.Messaging.Persistence;

/// <summary>The messaging tables on SQLite. Migrations: Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteMessagingDbContext(DbContextOptions<SqliteMessagingDbContext> options) : MessagingDbContext(options);

/// <summary>The messaging tables on PostgreSQL. Migrations: Persistence/Migrations/Postgres.</summary>
public sealed class PostgresMessagingDbContext(DbContextOptions<PostgresMessagingDbContext> options) : MessagingDbContext(options);

internal sealed class SqliteMessagingDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMessagingDbContext>
{
    public SqliteMessagingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMessagingDbContext>()
            .UseModuleSqlite("Data Source=design-time.db", MessagingModule.DatabaseName).Options);
}

internal sealed class PostgresMessagingDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMessagingDbContext>
{
    public PostgresMessagingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMessagingDbContext>()
            .UseModulePostgres("Host=localhost;Database=design_time", MessagingModule.DatabaseName).Options);
}

using Gateway.Platform.Database;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gateway.Platform.DataProtection;

/// <summary>
/// ASP.NET Core Data Protection keys, in the gateway's own database so every replica decrypts what
/// another encrypted (upstream secrets, cookies). Protect them at rest with a certificate in production.
/// </summary>
public abstract class KeyStoreDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");
}

public sealed class SqliteKeyStoreDbContext(DbContextOptions<SqliteKeyStoreDbContext> options) : KeyStoreDbContext(options);

public sealed class PostgresKeyStoreDbContext(DbContextOptions<PostgresKeyStoreDbContext> options) : KeyStoreDbContext(options);

internal sealed class SqliteKeyStoreDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKeyStoreDbContext>
{
    public SqliteKeyStoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKeyStoreDbContext>().UseModuleSqlite("Data Source=design-time.db", DataProtectionSetup.DatabaseName).Options);
}

internal sealed class PostgresKeyStoreDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKeyStoreDbContext>
{
    public PostgresKeyStoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKeyStoreDbContext>().UseModulePostgres("Host=localhost;Database=design_time", DataProtectionSetup.DatabaseName).Options);
}

using Gateway.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gateway.Catalogue.Persistence;

/// <summary>The catalogue on SQLite, the embedded default. Migrations: Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteCatalogueDbContext(DbContextOptions<SqliteCatalogueDbContext> options) : CatalogueDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset text; as a number it can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The catalogue on PostgreSQL, for production. Migrations: Persistence/Migrations/Postgres.</summary>
public sealed class PostgresCatalogueDbContext(DbContextOptions<PostgresCatalogueDbContext> options) : CatalogueDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Model.Service>().Property(s => s.Standard).HasColumnType("jsonb");
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteCatalogueDbContext</c> build the context without the host.</summary>
internal sealed class SqliteCatalogueDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCatalogueDbContext>
{
    public SqliteCatalogueDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCatalogueDbContext>()
            .UseModuleSqlite("Data Source=design-time.db", CatalogueModule.DatabaseName).Options);
}

internal sealed class PostgresCatalogueDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCatalogueDbContext>
{
    public PostgresCatalogueDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCatalogueDbContext>()
            .UseModulePostgres("Host=localhost;Database=design_time", CatalogueModule.DatabaseName).Options);
}

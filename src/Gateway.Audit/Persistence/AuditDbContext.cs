using Gateway.Platform.Audit;
using Gateway.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gateway.Audit.Persistence;

/// <summary>Owns the audit table (the modules map it without creating it) and the chain's daily heads.</summary>
public abstract class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<AuditRecord> Records => Set<AuditRecord>();

    public DbSet<AuditHead> Heads => Set<AuditHead>();

    public DbSet<AuditAnchor> Anchors => Set<AuditAnchor>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapAuditTrail(this, ownsTable: true);
        modelBuilder.Entity<AuditHead>(head =>
        {
            head.ToTable("audit_heads");
            head.HasKey(h => h.Day);
            head.Property(h => h.Hash).HasMaxLength(64);
        });
        modelBuilder.Entity<AuditAnchor>(anchor =>
        {
            anchor.ToTable("audit_anchor");
            anchor.HasKey(a => a.Id);
            anchor.Property(a => a.Hash).HasMaxLength(64);
        });
    }
}

/// <summary>
/// The last record sealed on a day (UTC): its position and hash. Published in the log when the day is
/// over and at <c>/api/admin/audit/heads</c>; a copy kept elsewhere proves the chain up to that day.
/// </summary>
public sealed class AuditHead
{
    public DateOnly Day { get; set; }

    public long LastSequence { get; set; }

    public required string Hash { get; set; }

    public int Records { get; set; }
}

/// <summary>
/// Where the kept chain starts once old records were pruned: the position and hash of the last record
/// deleted. One row; verification starts from it instead of the genesis hash.
/// </summary>
public sealed class AuditAnchor
{
    public const int SingleRow = 1;

    public int Id { get; set; } = SingleRow;

    public long Sequence { get; set; }

    public required string Hash { get; set; }

    public DateTimeOffset PrunedAt { get; set; }
}

public sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);

public sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);

internal sealed class SqliteAuditDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAuditDbContext>
{
    public SqliteAuditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAuditDbContext>()
            .UseModuleSqlite("Data Source=design-time.db", AuditModule.DatabaseName).Options);
}

internal sealed class PostgresAuditDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAuditDbContext>
{
    public PostgresAuditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAuditDbContext>()
            .UseModulePostgres("Host=localhost;Database=design_time", AuditModule.DatabaseName).Options);
}

using Gateway.Complaints.Model;
using Gateway.Messaging.Persistence;
using Gateway.Platform.Audit;
using Gateway.Platform.Database;
using Gateway.Platform.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gateway.Complaints.Persistence;

/// <summary>The complaints table, plus the outbox and inbox so routing and its event commit together, and the audit trail (assignments, reads).</summary>
public abstract class ComplaintsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Complaint> Complaints => Set<Complaint>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Complaint>(complaint =>
        {
            complaint.ToTable("complaints");
            complaint.HasKey(c => c.Id);
            complaint.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
            complaint.Property(c => c.Class).HasConversion<string>().HasMaxLength(20);
            complaint.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            complaint.Property(c => c.Category).HasMaxLength(80);
            complaint.Property(c => c.Subject).HasMaxLength(200);
            complaint.Property(c => c.Description).HasMaxLength(4000);
            complaint.Property(c => c.Location).HasMaxLength(200);
            complaint.Property(c => c.ExternalReference).HasMaxLength(100);
            complaint.Property(c => c.ReporterContact).HasMaxLength(200);
            complaint.Property(c => c.AgencyCode).HasMaxLength(40);
            complaint.Property(c => c.RoutingNote).HasMaxLength(400);
            complaint.Property(c => c.Answer).HasMaxLength(4000);
            complaint.Property(c => c.AnsweredBy).HasMaxLength(200);
            complaint.Property(c => c.ReopenReason).HasMaxLength(1000);
            complaint.Property(c => c.PhotoContentType).HasMaxLength(20);
            complaint.Property(c => c.PhotoSha256).HasMaxLength(64);
            complaint.Property(c => c.Version).IsConcurrencyToken();
            complaint.HasIndex(c => new { c.Status, c.ResponseDueAt });
            complaint.HasIndex(c => new { c.Status, c.FiledAt });
            complaint.HasIndex(c => new { c.AgencyCode, c.ResponseDueAt });
        });
        modelBuilder.MapOutboxAndInbox();
        modelBuilder.MapAuditTrail(this);
        modelBuilder.MapCitizenNotices(this);
    }
}

public sealed class SqliteComplaintsDbContext(DbContextOptions<SqliteComplaintsDbContext> options) : ComplaintsDbContext(options);

public sealed class PostgresComplaintsDbContext(DbContextOptions<PostgresComplaintsDbContext> options) : ComplaintsDbContext(options);

internal sealed class SqliteComplaintsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteComplaintsDbContext>
{
    public SqliteComplaintsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteComplaintsDbContext>()
            .UseModuleSqlite("Data Source=design-time.db", ComplaintsModule.DatabaseName).Options);
}

internal sealed class PostgresComplaintsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresComplaintsDbContext>
{
    public PostgresComplaintsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresComplaintsDbContext>()
            .UseModulePostgres("Host=localhost;Database=design_time", ComplaintsModule.DatabaseName).Options);
}

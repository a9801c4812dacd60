using Gateway.Catalogue.Model;
using Gateway.Messaging.Persistence;
using Gateway.Platform.Audit;
using Gateway.Platform.Catalogue;
using Gateway.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Catalogue.Persistence;

/// <summary>
/// The catalogue's tables. Abstract because each database provider has its own subclass (and so its
/// own migrations folder); the module only ever asks for this type.
/// </summary>
public abstract class CatalogueDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Exposure> Exposures => Set<Exposure>();
    public DbSet<ServiceHealthRecord> ServiceHealth => Set<ServiceHealthRecord>();
    public DbSet<ServiceHealthChange> ServiceHealthChanges => Set<ServiceHealthChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogueDbContext).Assembly);
        // Catalogue changes and health transitions are saved with their events (transactional outbox).
        modelBuilder.MapOutboxAndInbox();
        modelBuilder.MapAuditTrail(this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as words, so an operator reading the tables sees "degraded", not 2.
        configurationBuilder.Properties<HealthState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ServiceChannel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AccessRuleKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<UpstreamAuthKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.UseUtcDateTimes();
    }
}

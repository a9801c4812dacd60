using Gateway.Catalogue.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gateway.Catalogue.Persistence.Configurations;

internal sealed class ExposureConfiguration : IEntityTypeConfiguration<Exposure>
{
    public void Configure(EntityTypeBuilder<Exposure> builder)
    {
        builder.ToTable("catalogue_exposures");
        builder.HasKey(e => e.ServiceId);
        builder.Property(e => e.PathPrefix).HasMaxLength(120);
        // Exact duplicates are refused by the database too; overlaps ("/a" vs "/a/b") by the editor.
        builder.HasIndex(e => e.PathPrefix).IsUnique();
        builder.PrimitiveCollection(e => e.Methods);
        builder.PrimitiveCollection(e => e.Destinations);
        builder.Property(e => e.HealthCheckPath).HasMaxLength(200);
        builder.ComplexProperty(e => e.Access, a => a.Property(x => x.Scope).HasMaxLength(100));
        builder.ComplexProperty(e => e.UpstreamAuth, a =>
        {
            a.Property(x => x.HeaderName).HasMaxLength(100);
            a.Property(x => x.Username).HasMaxLength(100);
            a.Property(x => x.ProtectedSecret).HasMaxLength(4000);
        });
    }
}

internal sealed class ServiceHealthConfiguration : IEntityTypeConfiguration<ServiceHealthRecord>
{
    public void Configure(EntityTypeBuilder<ServiceHealthRecord> builder)
    {
        builder.ToTable("catalogue_service_health");
        builder.HasKey(h => h.ServiceId);
        builder.Property(h => h.Detail).HasMaxLength(400);
    }
}

internal sealed class ServiceHealthChangeConfiguration : IEntityTypeConfiguration<ServiceHealthChange>
{
    public void Configure(EntityTypeBuilder<ServiceHealthChange> builder)
    {
        builder.ToTable("catalogue_service_health_changes");
        builder.HasKey(c => c.Id);
        // A service's history, in order: the availability query reads one service's last 30 days.
        builder.HasIndex(c => new { c.ServiceId, c.At });
    }
}

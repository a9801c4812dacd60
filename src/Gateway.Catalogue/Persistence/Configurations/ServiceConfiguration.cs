using System.Text.Json;
using Gateway.Catalogue.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gateway.Catalogue.Persistence.Configurations;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.ToTable("catalogue_services");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Slug).HasMaxLength(80);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.ComplexProperty(s => s.Name, n => n.MapLocalizedText(200));
        builder.ComplexProperty(s => s.Description, n => n.MapLocalizedText(2000));
        builder.Property(s => s.Category).HasMaxLength(40);
        builder.HasIndex(s => s.Category);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.RequestForm).HasMaxLength(64 * 1024);
        builder.Property(s => s.CitizenAssurance).HasConversion<string>().HasMaxLength(20).HasDefaultValue(CitizenAssurance.Any).HasSentinel(CitizenAssurance.Any);

        // The standard is read and written whole, so it is one JSON document (jsonb on PostgreSQL).
        builder.Property(s => s.Standard).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<ServiceStandard>(v, Json)!,
            new ValueComparer<ServiceStandard>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<ServiceStandard>(JsonSerializer.Serialize(v, Json), Json)!));

        builder.HasOne(s => s.Exposure).WithOne().HasForeignKey<Exposure>(e => e.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Health).WithOne().HasForeignKey<ServiceHealthRecord>(h => h.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

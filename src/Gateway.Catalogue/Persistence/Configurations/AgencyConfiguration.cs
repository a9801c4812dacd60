using Gateway.Catalogue.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gateway.Catalogue.Persistence.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("catalogue_agencies");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Code).HasMaxLength(40);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.ComplexProperty(a => a.Name, n => n.MapLocalizedText(200));
        builder.ComplexProperty(a => a.Description, n => n.MapLocalizedText(2000));
        builder.ComplexProperty(a => a.Contact, c =>
        {
            c.Property(x => x.Email).HasMaxLength(200);
            c.Property(x => x.Phone).HasMaxLength(40);
            c.Property(x => x.Address).HasMaxLength(400);
            c.Property(x => x.Website).HasMaxLength(400);
        });
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasMany(a => a.Services).WithOne(s => s.Agency).HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class LocalizedTextMapping
{
    public static void MapLocalizedText(this ComplexPropertyBuilder<LocalizedText> text, int maxLength)
    {
        text.Property(t => t.Id).HasMaxLength(maxLength).IsRequired();
        text.Property(t => t.En).HasMaxLength(maxLength);
    }
}

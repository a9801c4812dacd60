using System.Text.Json;
using Gateway.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gateway.Platform.Notices;

/// <summary>
/// Maps the citizens' notice table into a module's own DbContext, like the audit trail: the module adds a
/// notice in the same SaveChanges as the change it announces. The identity module's migrations own the
/// table (it lists and sends the notices); the others map it without creating it.
/// </summary>
public static class NoticeTables
{
    public static ModelBuilder MapCitizenNotices(this ModelBuilder modelBuilder, DbContext context, bool ownsTable = false)
    {
        modelBuilder.Entity<CitizenNotice>(notice =>
        {
            if (context.Database.IsSqlite())
            {
                // Every context writing this table must store times alike; as numbers SQLite can also order them.
                notice.Property(n => n.CreatedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
                notice.Property(n => n.ReadAt).HasConversion<DateTimeOffsetToBinaryConverter>();
                notice.Property(n => n.SentAt).HasConversion<DateTimeOffsetToBinaryConverter>();
            }

            notice.ToTable("citizen_notices", t => t.ExcludeFromMigrations(!ownsTable));
            notice.HasKey(n => n.Id);
            notice.Property(n => n.Topic).HasMaxLength(20);
            notice.Property(n => n.Reference).HasMaxLength(60);
            notice.Property(n => n.Status).HasMaxLength(30);
            notice.Property(n => n.TitleId).HasMaxLength(200);
            notice.Property(n => n.TitleEn).HasMaxLength(200);
            notice.Property(n => n.Text).HasMaxLength(4000);
            notice.HasIndex(n => new { n.CitizenId, n.CreatedAt });
            notice.HasIndex(n => new { n.SentAt, n.Id });
        });
        return modelBuilder;
    }

    /// <summary>Adds a notice for <paramref name="citizenId"/> to the module's unit of work.</summary>
    public static void AddNotice(
        this DbContext db, Guid citizenId, string topic, string reference, Enum status, BilingualText title, string? text, DateTimeOffset now) =>
        db.Set<CitizenNotice>().Add(new CitizenNotice
        {
            CitizenId = citizenId,
            Topic = topic,
            Reference = reference,
            Status = JsonNamingPolicy.CamelCase.ConvertName(status.ToString()),
            TitleId = Cut(title.Id, 200),
            TitleEn = Cut(title.En, 200),
            Text = text is null ? null : Cut(text, 4000),
            CreatedAt = now,
        });

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gateway.Platform.Audit;

/// <summary>
/// Maps the audit table into a module's own DbContext, so the module writes its audit records in the same
/// SaveChanges as the change they record (a failed change leaves no record, a committed one always has
/// one). The audit module's migrations own the table; the other modules map it without creating it.
/// </summary>
public static class AuditTables
{
    public const string RecordsTable = "audit_records";

    public static ModelBuilder MapAuditTrail(this ModelBuilder modelBuilder, DbContext context, bool ownsTable = false)
    {
        modelBuilder.Entity<AuditRecord>(record =>
        {
            if (context.Database.IsSqlite())
            {
                // Every context writing this table must store times alike; as numbers SQLite can also order them.
                record.Property(r => r.OccurredAt).HasConversion<DateTimeOffsetToBinaryConverter>();
                record.Property(r => r.SealedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
            }

            record.ToTable(RecordsTable, t => t.ExcludeFromMigrations(!ownsTable));
            record.HasKey(r => r.Id);
            record.Property(r => r.ActorSubject).HasMaxLength(200);
            record.Property(r => r.ActorRole).HasMaxLength(40);
            record.Property(r => r.ActorAgency).HasMaxLength(40);
            record.Property(r => r.ActorClient).HasMaxLength(100);
            record.Property(r => r.ActorAddress).HasMaxLength(64);
            record.Property(r => r.OnBehalfOf).HasMaxLength(200);
            record.Property(r => r.Action).HasMaxLength(80);
            record.Property(r => r.TargetType).HasMaxLength(40);
            record.Property(r => r.TargetId).HasMaxLength(200);
            record.Property(r => r.DataSubject).HasMaxLength(200);
            record.Property(r => r.Recipient).HasMaxLength(100);
            record.Property(r => r.TraceId).HasMaxLength(32);
            record.Property(r => r.PreviousHash).HasMaxLength(64);
            record.Property(r => r.Hash).HasMaxLength(64);
            // The chain's order; unique, so two sealers (two replicas) can never give one position twice.
            record.HasIndex(r => r.Sequence).IsUnique();
            record.HasIndex(r => r.OccurredAt);
            record.HasIndex(r => new { r.ActorSubject, r.OccurredAt });
            record.HasIndex(r => new { r.TargetType, r.TargetId });
            record.HasIndex(r => new { r.DataSubject, r.OccurredAt });
        });
        return modelBuilder;
    }
}

using Gateway.Messaging.Inbox;
using Gateway.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Messaging.Persistence;

/// <summary>
/// Maps the outbox and inbox tables into a module's own DbContext, so the module writes its events
/// (and records the events it applied) in the same SaveChanges as its state. The messaging module's
/// migrations own these tables; other modules map them without creating them.
/// </summary>
public static class MessagingTables
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_records";

    public static ModelBuilder MapOutboxAndInbox(this ModelBuilder modelBuilder) =>
        modelBuilder.MapOutboxAndInbox(ownsTables: false);

    internal static ModelBuilder MapOutboxAndInbox(this ModelBuilder modelBuilder, bool ownsTables)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable, t => t.ExcludeFromMigrations(!ownsTables));
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.EventType).HasMaxLength(100);
            outbox.Property(m => m.AggregateKey).HasMaxLength(200);
            outbox.Property(m => m.LastError).HasMaxLength(1000);
            outbox.HasIndex(m => m.EventId).IsUnique();
            // The dispatcher's query: unsent rows in order, and the cleaner's: sent before a time.
            outbox.HasIndex(m => new { m.SentAt, m.Id });
        });
        modelBuilder.Entity<InboxRecord>(inbox =>
        {
            inbox.ToTable(InboxTable, t => t.ExcludeFromMigrations(!ownsTables));
            inbox.HasKey(r => new { r.EventId, r.Consumer });
            inbox.Property(r => r.Consumer).HasMaxLength(200);
            inbox.HasIndex(r => r.ProcessedAt);
        });
        return modelBuilder;
    }
}

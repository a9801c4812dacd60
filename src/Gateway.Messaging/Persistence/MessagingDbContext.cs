using Gateway.Messaging.Inbox;
using Gateway.Messaging.Outbox;
using Gateway.Messaging.Subscriptions;
using Gateway.Messaging.Webhooks;
using Gateway.Platform.Audit;
using Gateway.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Messaging.Persistence;

/// <summary>
/// The messaging tables: outbox and inbox (owned here, mapped by modules too), the leases of the
/// singleton jobs, the subscription registry and webhook deliveries.
/// </summary>
public abstract class MessagingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<InboxRecord> Inbox => Set<InboxRecord>();
    public DbSet<DispatcherLease> Leases => Set<DispatcherLease>();
    public DbSet<EventSubscription> Subscriptions => Set<EventSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapOutboxAndInbox(ownsTables: true);
        modelBuilder.MapAuditTrail(this);

        modelBuilder.Entity<DispatcherLease>(lease =>
        {
            lease.ToTable("messaging_leases");
            lease.HasKey(l => l.Name);
            lease.Property(l => l.Name).HasMaxLength(50);
            lease.Property(l => l.Holder).HasMaxLength(200);
            // The rows exist from the start, so taking a lease is one conditional UPDATE.
            lease.HasData(new DispatcherLease { Name = DispatcherLease.Outbox, ExpiresAt = DateTime.UnixEpoch });
        });

        modelBuilder.Entity<EventSubscription>(subscription =>
        {
            subscription.ToTable("event_subscriptions");
            subscription.HasKey(s => s.Id);
            subscription.Property(s => s.AgencyCode).HasMaxLength(40);
            subscription.Property(s => s.EventType).HasMaxLength(100);
            subscription.Property(s => s.WebhookUrl).HasMaxLength(2000);
            subscription.Property(s => s.ProtectedSecret).HasMaxLength(2000);
            subscription.Property(s => s.Description).HasMaxLength(500);
            subscription.Property(s => s.Delivery).HasConversion<string>().HasMaxLength(16);
            subscription.Property(s => s.Version).IsConcurrencyToken();
            subscription.HasIndex(s => new { s.EventType, s.Active });
            subscription.HasIndex(s => new { s.AgencyCode, s.EventType, s.Delivery, s.WebhookUrl }).IsUnique();
        });

        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("webhook_deliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.EventType).HasMaxLength(100);
            delivery.Property(d => d.DataSubject).HasMaxLength(64);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            delivery.Property(d => d.LastError).HasMaxLength(1000);
            delivery.Property(d => d.ClaimedBy).HasMaxLength(200);
            delivery.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
            delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
            delivery.HasOne<EventSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

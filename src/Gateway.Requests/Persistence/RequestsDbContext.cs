using System.Text.Json;
using Gateway.Messaging.Persistence;
using Gateway.Platform.Audit;
using Gateway.Platform.Database;
using Gateway.Platform.Notices;
using Gateway.Requests.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;

namespace Gateway.Requests.Persistence;

/// <summary>Requests, their timeline, documents and tracking counters, plus the outbox: a submit and its event commit together.</summary>
public abstract class RequestsDbContext(DbContextOptions options) : DbContext(options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DbSet<ServiceRequest> Requests => Set<ServiceRequest>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<RequestDocument> Documents => Set<RequestDocument>();
    public DbSet<TrackingCounter> Counters => Set<TrackingCounter>();

    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    public DbSet<RequestDraft> Drafts => Set<RequestDraft>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceRequest>(request =>
        {
            request.ToTable("service_requests");
            request.HasKey(r => r.Id);
            request.Property(r => r.TrackingNumber).HasMaxLength(60);
            request.HasIndex(r => r.TrackingNumber).IsUnique();
            request.Property(r => r.ServiceSlug).HasMaxLength(80);
            request.Property(r => r.AgencyCode).HasMaxLength(40);
            request.Property(r => r.AdapterName).HasMaxLength(60);
            request.Property(r => r.ApplicantNik).HasMaxLength(16);
            request.Property(r => r.ApplicantName).HasMaxLength(200);
            request.Property(r => r.ApplicantEmail).HasMaxLength(200);
            request.Property(r => r.ApplicantPhone).HasMaxLength(40);
            request.Property(r => r.IdempotencyKey).HasMaxLength(100);
            request.Property(r => r.ContentHash).HasMaxLength(64);
            request.HasIndex(r => new { r.CitizenId, r.IdempotencyKey }).IsUnique();
            request.HasIndex(r => new { r.CitizenId, r.SubmittedAt });
            request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            request.Property(r => r.Dispatch).HasConversion<string>().HasMaxLength(20);
            request.Property(r => r.ExternalReference).HasMaxLength(100);
            request.Property(r => r.LegacyStatus).HasMaxLength(100);
            request.Property(r => r.AgencyStatus).HasConversion<string>().HasMaxLength(20);
            request.Property(r => r.Problem).HasMaxLength(1000);
            request.Property(r => r.Version).IsConcurrencyToken();
            // The dispatcher's, the poller's and the overdue detector's queries, and the agency's list.
            request.HasIndex(r => new { r.Dispatch, r.NextDispatchAt });
            request.HasIndex(r => new { r.AdapterName, r.Dispatch, r.Status });
            request.HasIndex(r => new { r.OverdueAt, r.DueAt });
            request.HasIndex(r => new { r.AgencyCode, r.Status, r.SubmittedAt });
            request.Property(r => r.Fields).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, Json)!,
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    v => v.Count,
                    v => new Dictionary<string, string>(v)));
            request.HasMany(r => r.Timeline).WithOne().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
            request.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TimelineEntry>(entry =>
        {
            entry.ToTable("service_request_timeline");
            entry.HasKey(t => t.Id);
            entry.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            entry.Property(t => t.Note).HasMaxLength(1000);
            entry.Property(t => t.Actor).HasMaxLength(100);
            entry.HasIndex(t => new { t.RequestId, t.At });
        });
        modelBuilder.Entity<RequestDocument>(document =>
        {
            document.ToTable("service_request_documents");
            document.HasKey(d => d.Id);
            document.Property(d => d.FileName).HasMaxLength(200);
            document.Property(d => d.ContentType).HasMaxLength(100);
            document.Property(d => d.Sha256).HasMaxLength(64);
        });
        modelBuilder.Entity<TrackingCounter>(counter =>
        {
            counter.ToTable("service_request_counters");
            counter.HasKey(c => new { c.AgencyCode, c.Year });
            counter.Property(c => c.AgencyCode).HasMaxLength(40);
        });
        modelBuilder.Entity<SurveyResponse>(answer =>
        {
            answer.ToTable("satisfaction_survey_responses");
            answer.HasKey(a => a.Id);
            // One answer per request; no foreign key, so a request's personal data can be deleted without its score.
            answer.HasIndex(a => a.RequestId).IsUnique();
            answer.Property(a => a.ServiceSlug).HasMaxLength(80);
            answer.Property(a => a.AgencyCode).HasMaxLength(40);
            answer.Property(a => a.Suggestion).HasMaxLength(1000);
            answer.HasIndex(a => new { a.AnsweredAt, a.AgencyCode, a.ServiceSlug });
        });
        modelBuilder.Entity<RequestDraft>(draft =>
        {
            draft.ToTable("request_drafts");
            draft.HasKey(d => new { d.CitizenId, d.ServiceSlug });
            draft.Property(d => d.ServiceSlug).HasMaxLength(80);
            draft.Property(d => d.Answers).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, Json)!,
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    v => v.Count,
                    v => new Dictionary<string, string>(v)));
        });
        modelBuilder.MapOutboxAndInbox();
        modelBuilder.MapAuditTrail(this);
        modelBuilder.MapCitizenNotices(this);
    }
}

public sealed class SqliteRequestsDbContext(DbContextOptions<SqliteRequestsDbContext> options) : RequestsDbContext(options);

public sealed class PostgresRequestsDbContext(DbContextOptions<PostgresRequestsDbContext> options) : RequestsDbContext(options);

internal sealed class SqliteRequestsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRequestsDbContext>
{
    public SqliteRequestsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRequestsDbContext>()
            .UseModuleSqlite("Data Source=design-time.db", RequestsModule.DatabaseName).Options);
}

internal sealed class PostgresRequestsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRequestsDbContext>
{
    public PostgresRequestsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRequestsDbContext>()
            .UseModulePostgres("Host=localhost;Database=design_time", RequestsModule.DatabaseName).Options);
}

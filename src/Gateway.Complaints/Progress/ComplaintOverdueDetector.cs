using Gateway.Complaints.Model;
using Gateway.Complaints.Persistence;
using Gateway.Complaints.Routing;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging;
using Gateway.Messaging.Outbox;
using Gateway.Platform.Hosting;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Complaints.Progress;

/// <summary>
/// Finds complaints past their response deadline still awaiting an answer (with the agency, in the Diskominfo
/// queue, or reopened) and publishes <see cref="ComplaintOverdue"/> once per deadline: the mark and the event
/// commit together, and a second replica's identical attempt fails on the complaint's version.
/// </summary>
internal sealed partial class ComplaintOverdueDetector(
    IServiceScopeFactory scopes,
    IOptions<ComplaintOptions> options,
    IOptions<MessagingOptions> messaging,
    TimeProvider time,
    ILogger<ComplaintOverdueDetector> logger) : BackgroundService
{
    private const int Batch = 200;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => BatchedSweep.RunAsync(
        TimeSpan.FromSeconds(options.Value.OverdueCheckSeconds), time, Batch, MarkOverdueAsync, ex => LogCheckFailed(logger, ex), stoppingToken);

    /// <returns>How many complaints were marked overdue.</returns>
    internal async Task<int> MarkOverdueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var overdue = await db.Complaints
            .Where(c => c.OverdueAt == null && c.ResponseDueAt < nowUtc && ComplaintLifecycle.AwaitingAnswer.Contains(c.Status))
            .OrderBy(c => c.ResponseDueAt)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        foreach (var complaint in overdue)
        {
            complaint.OverdueAt = nowUtc;
            complaint.Version++;
            db.AddEvent(new ComplaintOverdue
            {
                EventId = NewId.NextGuid(),
                OccurredAt = now,
                SourceAgency = messaging.Value.GatewayAgency,
                CorrelationId = complaint.Id,
                ComplaintId = complaint.Id,
                Category = complaint.Category,
                AgencyCode = complaint.AgencyCode!,
                Status = complaint.Status,
                ResponseDueAt = new DateTimeOffset(complaint.ResponseDueAt!.Value, TimeSpan.Zero),
            }, $"complaint:{complaint.Id}");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // one of them changed meanwhile (answered, or marked by another replica); the next check sees it again
        }

        if (overdue.Count > 0)
        {
            LogOverdue(logger, overdue.Count);
        }

        return overdue.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} complaint(s) passed their response deadline without an answer; ComplaintOverdue published")]
    private static partial void LogOverdue(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Complaint overdue check failed; it runs again at the next tick")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}

using Gateway.Contracts.Events.V1;
using Gateway.Messaging;
using Gateway.Messaging.Outbox;
using Gateway.Platform.Hosting;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Requests.Tracking;

/// <summary>
/// Finds requests past the completion time their service standard promised and publishes
/// <see cref="ServiceRequestOverdue"/> once for each (the mark and the event commit together), for the
/// operators' wall and the agency's supervisors.
/// </summary>
internal sealed partial class OverdueDetector(
    IServiceScopeFactory scopes,
    IOptions<RequestOptions> options,
    IOptions<MessagingOptions> messaging,
    RequestMetrics metrics,
    TimeProvider time,
    ILogger<OverdueDetector> logger) : BackgroundService
{
    private const int Batch = 200;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => BatchedSweep.RunAsync(
        TimeSpan.FromSeconds(options.Value.OverdueCheckSeconds), time, Batch, MarkOverdueAsync, ex => LogCheckFailed(logger, ex), stoppingToken);

    /// <returns>How many requests were marked overdue.</returns>
    internal async Task<int> MarkOverdueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var overdue = await db.Requests
            .Where(r => r.OverdueAt == null && r.DueAt < nowUtc && !RequestStatuses.Final.Contains(r.Status))
            .OrderBy(r => r.DueAt)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        foreach (var request in overdue)
        {
            request.OverdueAt = nowUtc;
            request.Version++;
            db.AddEvent(new ServiceRequestOverdue
            {
                EventId = NewId.NextGuid(),
                OccurredAt = now,
                SourceAgency = messaging.Value.GatewayAgency,
                CorrelationId = request.Id,
                RequestId = request.Id,
                TrackingNumber = request.TrackingNumber,
                ServiceSlug = request.ServiceSlug,
                AgencyCode = request.AgencyCode,
                DueAt = new DateTimeOffset(request.DueAt, TimeSpan.Zero),
                Status = request.Status,
            }, $"request:{request.Id}");
            metrics.Overdue(request.AgencyCode);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // one of them changed meanwhile; the next check sees it again
        }

        return overdue.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Overdue check failed; it runs again at the next tick")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}

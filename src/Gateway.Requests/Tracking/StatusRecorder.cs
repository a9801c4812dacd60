using Gateway.Contracts.Events.V1;
using Gateway.Messaging;
using Gateway.Messaging.Outbox;
using Gateway.Platform.Localization;
using Gateway.Platform.Notices;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Gateway.Requests.Tracking;

/// <summary>
/// Moves a request to a new status: the timeline entry, the request, <see cref="ServiceRequestStatusChanged"/>
/// and the citizen's notice go into the caller's unit of work (saved together). The one place a status changes, whoever changes it.
/// </summary>
internal sealed class StatusRecorder(IOptions<MessagingOptions> messaging, RequestMetrics metrics)
{
    /// <returns>False when the request already had that status (nothing recorded).</returns>
    public bool Record(RequestsDbContext db, ServiceRequest request, ServiceRequestStatus status, string? note, string actor, DateTimeOffset now)
    {
        if (request.Status == status)
        {
            return false;
        }

        var previous = request.Status;
        request.Status = status;
        request.UpdatedAt = now.UtcDateTime;
        db.Timeline.Add(new TimelineEntry { RequestId = request.Id, At = now.UtcDateTime, Status = status, Note = note, Actor = actor });
        db.AddEvent(new ServiceRequestStatusChanged
        {
            EventId = NewId.NextGuid(),
            OccurredAt = now,
            SourceAgency = actor == "agency-system" || actor.StartsWith("officer:", StringComparison.Ordinal) ? request.AgencyCode : messaging.Value.GatewayAgency,
            CorrelationId = request.Id,
            RequestId = request.Id,
            TrackingNumber = request.TrackingNumber,
            ServiceSlug = request.ServiceSlug,
            Status = status,
            PreviousStatus = previous,
            Note = note,
        }, $"request:{request.Id}");
        if (actor != "citizen")
        {
            // The citizen hears of every move they did not make themselves (portal list, e-mail or SMS).
            var label = RequestStatuses.Label(status);
            db.AddNotice(request.CitizenId, NoticeTopics.Request, request.TrackingNumber, status,
                new BilingualText($"Permohonan {request.TrackingNumber}: {label.Id}", $"Request {request.TrackingNumber}: {label.En}"), note, now);
        }

        metrics.StatusChanged(request.AgencyCode, status);
        return true;
    }
}

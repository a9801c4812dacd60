using Gateway.Complaints.Persistence;
using Gateway.Complaints.Progress;
using Gateway.Complaints.Routing;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging;
using Gateway.Messaging.Inbox;
using Gateway.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Complaints.Events;

/// <summary>
/// Routes every filed complaint, whichever channel published it: the gateway's own API, or a LAPOR!
/// connector publishing <see cref="ComplaintFiled"/> to RabbitMQ. Stores the routing and queues
/// <see cref="ComplaintRouted"/> in one transaction; a redelivered event is skipped by the inbox.
/// One shared queue (<c>satupintu-complaint-filed</c>): with several replicas, one routes each complaint.
/// </summary>
internal sealed class ComplaintFiledConsumer(
    ComplaintRouter router,
    IOptions<MessagingOptions> messaging,
    TimeProvider time,
    IServiceProvider services) : IdempotentConsumer<ComplaintFiled, ComplaintsDbContext>(services)
{
    protected override async Task HandleAsync(ComplaintFiled message, CancellationToken cancellationToken)
    {
        var complaint = await Db.Complaints.SingleOrDefaultAsync(c => c.Id == message.ComplaintId, cancellationToken);
        if (complaint is null)
        {
            // Filed on another channel: this is the first the gateway hears of it.
            complaint = message.ToComplaint();
            Db.Complaints.Add(complaint);
        }

        if (complaint.Status != ComplaintStatus.Filed)
        {
            return; // already routed (or reassigned by an administrator)
        }

        var decision = router.Route(complaint.Category, complaint.Class, message.OccurredAt);
        complaint.Status = decision.Unrouted ? ComplaintStatus.Unrouted : ComplaintStatus.Routed;
        complaint.AgencyCode = decision.AgencyCode;
        complaint.RoutingNote = decision.Note;
        complaint.RoutedAt = time.GetUtcNow().UtcDateTime;
        complaint.ResponseWorkingDays = decision.ResponseWorkingDays;
        complaint.ResponseDueAt = decision.ResponseDueAt.UtcDateTime;

        if (complaint.CitizenId is { } citizen)
        {
            ComplaintNotices.Add(Db, citizen, complaint, null, time.GetUtcNow());
        }

        Db.AddEvent(complaint.ToRoutedEvent(time.GetUtcNow(), messaging.Value.GatewayAgency, message.CorrelationId), $"complaint:{complaint.Id}");
    }
}

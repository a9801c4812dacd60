using Gateway.Contracts.Events.V1;
using MassTransit;

namespace Gateway.Bench.Events;

internal static class Samples
{
    public static ComplaintFiled Complaint(Guid? complaintId = null)
    {
        var id = complaintId ?? NewId.NextGuid();
        return new ComplaintFiled
        {
            EventId = NewId.NextGuid(),
            OccurredAt = DateTimeOffset.UtcNow,
            SourceAgency = "diskominfo",
            CorrelationId = id,
            ComplaintId = id,
            Channel = ComplaintChannel.Gateway,
            Category = "jalan-rusak",
            Class = ComplaintClass.Simple,
            Subject = "Jalan berlubang",
            Description = "Lubang besar di depan pasar, sudah seminggu.",
            Location = "-6.9175,107.6191",
        };
    }
}

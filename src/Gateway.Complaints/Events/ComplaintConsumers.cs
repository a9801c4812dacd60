using Gateway.Messaging.Bus;

namespace Gateway.Complaints.Events;

public static class ComplaintConsumers
{
    /// <summary>Routes filed complaints (one instance routes each).</summary>
    public static EventConsumers AddComplaintConsumers(this EventConsumers consumers) =>
        consumers.Shared<ComplaintFiledConsumer>();
}

using Gateway.Contracts.Events.V1;
using MassTransit;

namespace Gateway.Requests.Dispatch;

/// <summary>
/// The fast path: a submitted request goes to its adapter as soon as the outbox publishes it. One shared
/// queue, so one replica files each request. No inbox needed: the dispatcher only acts on requests
/// still pending, and adapters are idempotent per tracking number.
/// </summary>
internal sealed class RequestSubmittedConsumer(RequestDispatcher dispatcher) : IConsumer<ServiceRequestSubmitted>
{
    public Task Consume(ConsumeContext<ServiceRequestSubmitted> context) =>
        dispatcher.DispatchAsync(context.Message.RequestId, context.CancellationToken);
}

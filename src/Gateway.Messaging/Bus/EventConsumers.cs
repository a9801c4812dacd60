using MassTransit;

namespace Gateway.Messaging.Bus;

/// <summary>
/// How a module subscribes its consumers, in the two ways a gateway with replicas needs:
/// work done once per city (a shared durable queue, instances compete) or news every instance must
/// hear (a queue per instance, deleted when it stops).
/// </summary>
public sealed class EventConsumers(IBusRegistrationConfigurator bus, InstanceIdentity instance)
{
    /// <summary>One durable queue for all instances, named after the consumer (e.g. <c>satupintu-complaint-filed</c>).</summary>
    public EventConsumers Shared<TConsumer>() where TConsumer : class, IConsumer
    {
        bus.AddConsumer<TConsumer>();
        return this;
    }

    /// <summary>A temporary queue per instance (<c>satupintu-{name}-{instance}</c>): each instance gets every event.</summary>
    public EventConsumers PerInstance<TConsumer>(string name) where TConsumer : class, IConsumer
    {
        bus.AddConsumer<TConsumer>().Endpoint(e =>
        {
            e.Name = $"satupintu-{name}-{instance.Name}";
            e.Temporary = true;
        });
        return this;
    }

    /// <summary>Direct access, for a consumer that needs MassTransit settings of its own.</summary>
    public IBusRegistrationConfigurator Bus => bus;
}

using MassTransit;

namespace Gateway.Messaging.Bus;

/// <summary>
/// How a module subscribes its consumers, in the two ways a gateway with replicas needs:
/// work done once per city (a shared durable queue, instances compete) or news every instance must
/// hear (a queue per instance, deleted when it stops).
/// </summary>
public sealed class EventConsumers(IBusRegistrationConfigurator bus, InstanceIdentity instance, int inboxPrefetchCount)
{
    /// <summary>One durable queue for all instances, named after the consumer (e.g. <c>satupintu-complaint-filed</c>).</summary>
    public EventConsumers Shared<TConsumer>() where TConsumer : class, IConsumer
    {
        bus.AddConsumer<TConsumer>().Endpoint(e => InboxPrefetch(typeof(TConsumer), e));
        return this;
    }

    /// <summary>A temporary queue per instance (<c>satupintu-{name}-{instance}</c>): each instance gets every event.</summary>
    public EventConsumers PerInstance<TConsumer>(string name) where TConsumer : class, IConsumer
    {
        bus.AddConsumer<TConsumer>().Endpoint(e =>
        {
            e.Name = $"satupintu-{name}-{instance.Name}";
            e.Temporary = true;
            InboxPrefetch(typeof(TConsumer), e);
        });
        return this;
    }

    /// <summary>An inbox consumer saves what it holds in groups: it gets <c>Messaging:Inbox:PrefetchCount</c> messages at once.</summary>
    internal void InboxPrefetch(Type consumer, IEndpointRegistrationConfigurator endpoint)
    {
        if (Inbox.InboxGroups.IsInboxConsumer(consumer))
        {
            endpoint.PrefetchCount = inboxPrefetchCount;
        }
    }

    /// <summary>Direct access, for a consumer that needs MassTransit settings of its own.</summary>
    public IBusRegistrationConfigurator Bus => bus;
}

using Gateway.Catalogue.Snapshot;
using Gateway.Contracts.Events.V1;
using MassTransit;

namespace Gateway.Catalogue.Events;

/// <summary>
/// Makes a catalogue change made on another instance live here. Each instance has its own queue
/// (<see cref="CatalogueConsumers"/>). No inbox: a reload reads only what changed since the last one,
/// so a redelivered event costs one cheap query and changes nothing.
/// </summary>
internal sealed class CatalogueChangedConsumer(CatalogueState state) : IConsumer<CatalogueChanged>
{
    public Task Consume(ConsumeContext<CatalogueChanged> context) => state.ReloadAsync(context.CancellationToken);
}

using Gateway.Messaging.Bus;

namespace Gateway.Catalogue.Events;

public static class CatalogueConsumers
{
    /// <summary>Every gateway instance reloads its routes when any instance changes the catalogue.</summary>
    public static EventConsumers AddCatalogueConsumers(this EventConsumers consumers) =>
        consumers.PerInstance<CatalogueChangedConsumer>("catalogue");
}

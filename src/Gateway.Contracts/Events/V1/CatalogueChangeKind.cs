namespace Gateway.Contracts.Events.V1;

public enum CatalogueChangeKind
{
    AgencyCreated,
    AgencyUpdated,
    AgencyDeleted,
    ServiceCreated,
    ServiceUpdated,
    ServiceDeleted,
    ServiceExposed,
    ServiceUnexposed,
}

namespace Gateway.Platform.Catalogue;

/// <summary>
/// A module that serves the catalogue (the proxy's routes, health tracking) and must follow it. The
/// catalogue calls every registered observer after each reload, one reload at a time; when the call
/// returns, the change is live in that module. An observer must not throw for one bad service: it
/// skips it and keeps serving the rest.
/// </summary>
public interface ICatalogueObserver
{
    void Observe(PublishedCatalogue catalogue);
}

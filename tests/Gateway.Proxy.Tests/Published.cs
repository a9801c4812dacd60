using Gateway.Platform.Catalogue;

namespace Gateway.Proxy.Tests;

/// <summary>Published services as the catalogue would hand them to the proxy.</summary>
internal static class Published
{
    public static PublishedExposure Exposure(string prefix, params string[] destinations) => new(
        prefix, ["GET", "HEAD"], destinations, "/health", 12, AccessRuleKind.Public, null,
        UpstreamAuthKind.None, null, null, null, false, false, null, null, null);

    public static PublishedService Service(string slug, PublishedExposure exposure, string agency = "disdukcapil") =>
        new(Guid.NewGuid(), 1, slug, agency, false, exposure, null);

    public static PublishedCatalogue Catalogue(params PublishedService[] services) => new(1, services);
}

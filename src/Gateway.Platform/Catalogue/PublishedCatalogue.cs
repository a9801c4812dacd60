namespace Gateway.Platform.Catalogue;

/// <summary>
/// What the catalogue publishes to the modules that serve it (the proxy, health tracking): every exposed
/// service as plain, immutable values. A new one replaces the old one whole on each catalogue change;
/// services that did not change keep the same <see cref="PublishedService"/> instance, so observers can
/// reuse whatever they built for it.
/// </summary>
public sealed class PublishedCatalogue(long generation, IReadOnlyList<PublishedService> services)
{
    public static readonly PublishedCatalogue Empty = new(0, []);

    /// <summary>Increases with every reload of this process.</summary>
    public long Generation { get; } = generation;

    /// <summary>Exposed services only, ordered by agency code then slug.</summary>
    public IReadOnlyList<PublishedService> Services { get; } = services;
}

/// <summary>A service the gateway fronts: who owns it, how it is reached, who may call it.</summary>
/// <param name="Version">Bumped by every edit of the service or its exposure.</param>
/// <param name="NeedsVerifiedNik">Citizens must have a verified NIK to use it.</param>
/// <param name="LastHealth">The status stored by any replica, so a restart does not forget "down since 09:14".</param>
public sealed record PublishedService(
    Guid Id,
    int Version,
    string Slug,
    string AgencyCode,
    bool NeedsVerifiedNik,
    PublishedExposure Exposure,
    ServiceHealthEntry? LastHealth);

/// <summary>How the gateway exposes a service's app (the catalogue's exposure, as values).</summary>
/// <param name="PathPrefix">Lowercase, e.g. <c>/disdukcapil/akta-kelahiran</c>; stripped before forwarding.</param>
/// <param name="Methods">Upper case.</param>
/// <param name="HealthCheckPath">Probed on each destination; null: passive checks only.</param>
/// <param name="AccessScope">The scope an <see cref="AccessRuleKind.AgencyClient"/> route asks for; null: <c>agency:{owner}</c>.</param>
/// <param name="UpstreamSecret">The API key or password as stored (Data Protection); decrypted by the proxy only.</param>
public sealed record PublishedExposure(
    string PathPrefix,
    IReadOnlyList<string> Methods,
    IReadOnlyList<string> Destinations,
    string? HealthCheckPath,
    int TimeoutSeconds,
    AccessRuleKind Access,
    string? AccessScope,
    UpstreamAuthKind UpstreamAuth,
    string? UpstreamHeaderName,
    string? UpstreamUsername,
    string? UpstreamSecret,
    bool ForwardClientCookies,
    bool ForwardClientAuthorization,
    int? QuotaPerAddressPerMinute,
    int? QuotaPerClientPerMinute,
    int? MaxConcurrentRequests);

/// <summary>Who may call a service through the gateway; enforced at the proxy with single sign-on.</summary>
public enum AccessRuleKind
{
    /// <summary>Anyone.</summary>
    Public,

    /// <summary>A signed-in citizen.</summary>
    Citizen,

    /// <summary>An officer of the agency that owns the service.</summary>
    AgencyOfficer,

    /// <summary>An agency application holding the route's scope (default <c>agency:{owning agency}</c>).</summary>
    AgencyClient,
}

/// <summary>How the gateway authenticates to the agency app.</summary>
public enum UpstreamAuthKind
{
    None,
    ApiKey,
    Basic,

    /// <summary>
    /// The app is a SatuPintu adapter service: the gateway sends it signed tokens only, and the secret is
    /// the adapter's key, with which the adapter proves its answers (it is never sent). Requests for the
    /// service are filed through the adapter contract at its first destination.
    /// </summary>
    Adapter,
}

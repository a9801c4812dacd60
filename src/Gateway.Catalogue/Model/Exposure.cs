using Gateway.Platform.Catalogue;

namespace Gateway.Catalogue.Model;

/// <summary>How the gateway exposes a service's agency app: where it listens, where it forwards, who may pass.</summary>
public sealed class Exposure
{
    public Guid ServiceId { get; set; }

    /// <summary>Lowercase path the gateway answers under, e.g. <c>/disdukcapil/akta-kelahiran</c>; stripped before forwarding.</summary>
    public required string PathPrefix { get; set; }

    /// <summary>Allowed HTTP methods, upper case.</summary>
    public required List<string> Methods { get; set; }

    /// <summary>Upstream base addresses; the gateway balances between the healthy ones.</summary>
    public required List<string> Destinations { get; set; }

    /// <summary>Path probed for active health checks, relative to each destination; null means passive checks only.</summary>
    public string? HealthCheckPath { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    public required AccessRule Access { get; set; }
    public required UpstreamAuth UpstreamAuth { get; set; }

    /// <summary>Whether the citizen's cookies reach the agency app (off: they belong to the gateway's domain).</summary>
    public bool ForwardClientCookies { get; set; }

    /// <summary>Whether the client's Authorization header reaches the agency app (off: the gateway authenticates upstream).</summary>
    public bool ForwardClientAuthorization { get; set; }

    /// <summary>Requests per minute one client address may make to this service through the gateway; null: no quota.</summary>
    public int? QuotaPerAddressPerMinute { get; set; }

    /// <summary>Requests per minute one signed-in person or client app may make; null: no quota.</summary>
    public int? QuotaPerClientPerMinute { get; set; }

    /// <summary>Requests the gateway lets this service have in flight at once, per replica; null: the proxy's default (<c>Proxy:MaxConcurrentRequestsPerService</c>).</summary>
    public int? MaxConcurrentRequests { get; set; }
}

/// <summary>Who may call a service through the gateway; enforced at the proxy with single sign-on (see <c>RouteAccess</c>).</summary>
public sealed record AccessRule(AccessRuleKind Kind, string? Scope = null)
{
    public static readonly AccessRule Public = new(AccessRuleKind.Public);
}

/// <summary>How the gateway authenticates to the agency app. The secret is stored protected and never returned.</summary>
public sealed record UpstreamAuth
{
    public static readonly UpstreamAuth None = new() { Kind = UpstreamAuthKind.None };

    public required UpstreamAuthKind Kind { get; init; }

    /// <summary>Header carrying the API key (<see cref="UpstreamAuthKind.ApiKey"/>).</summary>
    public string? HeaderName { get; init; }

    /// <summary>User name for <see cref="UpstreamAuthKind.Basic"/>.</summary>
    public string? Username { get; init; }

    /// <summary>The API key or password, encrypted with ASP.NET Core Data Protection.</summary>
    public string? ProtectedSecret { get; init; }
}

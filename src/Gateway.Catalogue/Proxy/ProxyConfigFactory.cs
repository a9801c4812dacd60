using System.Security.Cryptography;
using System.Text;
using Gateway.Catalogue.Health;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Snapshot;
using Gateway.Platform.Edge;
using Gateway.Platform.Security;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace Gateway.Catalogue.Proxy;

/// <summary>
/// Turns a catalogue snapshot into YARP routes and clusters: one route and one cluster per exposed
/// service, both named by the service slug. All the work is done here, once per catalogue change, so
/// nothing is computed per request.
/// </summary>
internal sealed class ProxyConfigFactory(UpstreamSecrets secrets, IOptions<CatalogueOptions> options, IOptions<EdgeOptions> edge)
{
    /// <summary>Route metadata key carrying the service slug.</summary>
    public const string ServiceKey = "satupintu.service";

    /// <summary>Route metadata present when the exposure forwards the client's cookies (minus the gateway's own).</summary>
    public const string ForwardsCookiesKey = "satupintu.forward-cookies";

    /// <summary>Route metadata that changes when the upstream secret does, so YARP rebuilds the route's transforms.</summary>
    private const string CredentialVersionKey = "satupintu.credential-version";

    /// <summary>
    /// Secrets decrypted by the previous build, by their protected form: a reload re-uses them instead of
    /// decrypting every service's secret again. Builds run one at a time (the reload gate).
    /// </summary>
    private Dictionary<string, string> _decrypted = new(StringComparer.Ordinal);

    public ProxyConfigSet Build(CatalogueSnapshot snapshot)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        var credentials = new Dictionary<string, UpstreamCredential>(StringComparer.Ordinal);
        var decrypted = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var service in snapshot.Services)
        {
            if (service.Exposure is not { } exposure)
            {
                continue;
            }

            routes.Add(BuildRoute(service, exposure, edge.Value.Hosts.Apps));
            clusters.Add(BuildCluster(service.Slug, exposure));
            if (BuildCredential(exposure.UpstreamAuth, decrypted) is { } credential)
            {
                credentials[service.Slug] = credential;
            }
        }

        _decrypted = decrypted;
        return new ProxyConfigSet(routes, clusters, credentials);
    }

    private static RouteConfig BuildRoute(Service service, Exposure exposure, string appsHost)
    {
        var (slug, agencyCode) = (service.Slug, service.Agency!.Code);
        var prefix = exposure.PathPrefix;
        var transforms = new List<IReadOnlyDictionary<string, string>>
        {
            new Dictionary<string, string> { ["PathRemovePrefix"] = prefix },
            // The upstream learns where the citizen really came from, and under which prefix it is published.
            new Dictionary<string, string> { ["X-Forwarded"] = "Set", ["For"] = "Append", ["Prefix"] = "Off" },
            new Dictionary<string, string> { ["RequestHeader"] = "X-Forwarded-Prefix", ["Set"] = prefix },
            new Dictionary<string, string> { ["RequestHeaderRemove"] = AdminKeyOptions.HeaderName },
            // Only the gateway vouches for identities: a client's own copy of the header never passes.
            new Dictionary<string, string> { ["RequestHeaderRemove"] = ForwardedIdentity.HeaderName },
        };
        var isPublic = exposure.Access.Kind == AccessRuleKind.Public;
        if (!exposure.ForwardClientCookies)
        {
            transforms.Add(new Dictionary<string, string> { ["RequestHeaderRemove"] = "Cookie" });
        }

        // On a protected service the Authorization header carries the citizen's token for the gateway;
        // the agency app gets the forwarded identity token instead.
        if (!exposure.ForwardClientAuthorization || !isPublic)
        {
            transforms.Add(new Dictionary<string, string> { ["RequestHeaderRemove"] = "Authorization" });
        }

        var metadata = new Dictionary<string, string> { [ServiceKey] = slug, [RouteRule.AgencyKey] = agencyCode, [RouteRule.KindKey] = exposure.Access.Kind.ToString() };
        if (exposure.ForwardClientCookies)
        {
            metadata[ForwardsCookiesKey] = "true";
        }

        if (exposure.QuotaPerAddressPerMinute is { } perAddress)
        {
            metadata[ServiceQuotas.PerAddressKey] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (exposure.QuotaPerClientPerMinute is { } perClient)
        {
            metadata[ServiceQuotas.PerClientKey] = perClient.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (service.CitizenAssurance == CitizenAssurance.VerifiedNik)
        {
            metadata[RouteRule.VerifiedNikKey] = "true";
        }

        if (exposure.Access.Kind == AccessRuleKind.AgencyClient)
        {
            metadata[RouteRule.ScopeKey] = exposure.Access.Scope ?? RouteRule.AgencyScope(agencyCode);
        }
        if (exposure.UpstreamAuth.ProtectedSecret is { } protectedSecret)
        {
            metadata[CredentialVersionKey] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(protectedSecret)), 0, 8);
        }

        return new RouteConfig
        {
            RouteId = slug,
            ClusterId = slug,
            // Agency apps live on their own origin, away from sign-in and administration.
            Match = new RouteMatch { Path = prefix + "/{**rest}", Methods = exposure.Methods, Hosts = [appsHost] },
            Metadata = metadata,
            Transforms = transforms,
        };
    }

    private ClusterConfig BuildCluster(string slug, Exposure exposure)
    {
        var health = options.Value.Health;
        return new ClusterConfig
        {
            ClusterId = slug,
            Destinations = exposure.Destinations
                .Select((address, i) => (Key: $"{slug}/{i}", Value: new DestinationConfig { Address = address }))
                .ToDictionary(d => d.Key, d => d.Value),
            HttpRequest = new() { ActivityTimeout = TimeSpan.FromSeconds(exposure.TimeoutSeconds) },
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = exposure.HealthCheckPath is not null,
                    Path = exposure.HealthCheckPath,
                    // SharedProber probes every ProbeIntervalSeconds; YARP's own prober is only a backstop.
                    Interval = TimeSpan.FromHours(1),
                    Timeout = TimeSpan.FromSeconds(health.ProbeTimeoutSeconds),
                    Policy = ServiceHealthPolicy.PolicyName,
                },
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                    ReactivationPeriod = TimeSpan.FromSeconds(health.ProbeIntervalSeconds * 3),
                },
                // When every destination looks unhealthy, still try them rather than refuse outright.
                AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
            },
        };
    }

    private UpstreamCredential? BuildCredential(UpstreamAuth auth, Dictionary<string, string> decrypted)
    {
        if (auth.Kind == UpstreamAuthKind.None || auth.ProtectedSecret is not { } protectedSecret)
        {
            return null;
        }

        if (!_decrypted.TryGetValue(protectedSecret, out var secret))
        {
            secret = secrets.Unprotect(protectedSecret);
        }

        decrypted[protectedSecret] = secret;
        return auth.Kind switch
        {
            UpstreamAuthKind.ApiKey => new UpstreamCredential(auth.HeaderName ?? UpstreamSecrets.DefaultApiKeyHeader, secret),
            UpstreamAuthKind.Basic => new UpstreamCredential("Authorization",
                "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{auth.Username}:{secret}"))),
            _ => null,
        };
    }
}

using System.Security.Cryptography;
using System.Text;
using Gateway.Platform.Catalogue;
using Gateway.Platform.Edge;
using Gateway.Platform.Security;
using Gateway.Proxy.Access;
using Gateway.Proxy.Forwarding;
using Gateway.Proxy.Health;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace Gateway.Proxy.Routing;

/// <summary>
/// Turns the published catalogue into what YARP needs: one catch-all route on the apps origin (the
/// service is chosen by <see cref="ServiceRouter"/>), one cluster per distinct upstream
/// (<see cref="UpstreamClusters"/>) and the decrypted upstream credentials. YARP's configuration then
/// grows with the number of agency apps, not of services, and a catalogue change costs one pass over
/// the services. Each service's own route (metadata and transforms) is built by <see cref="BuildRoute"/>
/// when it is first called.
/// </summary>
internal sealed class ProxyConfigFactory(UpstreamSecrets secrets, UpstreamClusters upstreams, IOptions<HealthCheckOptions> healthOptions, IOptions<ProxyOptions> proxyOptions, IOptions<EdgeOptions> edge)
{
    /// <summary>The one route YARP matches; <see cref="ServiceRouter"/> replaces it with the service's own.</summary>
    public const string CatchAllRouteId = "satupintu-services";

    /// <summary>The catch-all route's placeholder cluster (YARP wants one); never forwarded to.</summary>
    private const string NoServiceCluster = "satupintu-no-service";

    /// <summary>
    /// Secrets decrypted by the previous build, by their protected form: a reload re-uses them instead of
    /// decrypting every service's secret again. Builds run one at a time (the reload gate).
    /// </summary>
    private Dictionary<string, string> _decrypted = new(StringComparer.Ordinal);

    public ProxyConfigSet Build(PublishedCatalogue catalogue, ServiceRouteTable previous)
    {
        var clusters = new Dictionary<string, ClusterConfig>(StringComparer.Ordinal)
        {
            [NoServiceCluster] = new ClusterConfig { ClusterId = NoServiceCluster },
        };
        var credentials = new Dictionary<string, UpstreamCredential>(StringComparer.Ordinal);
        var decrypted = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var service in catalogue.Services)
        {
            var exposure = service.Exposure;
            var clusterId = upstreams.IdOf(exposure);
            if (!clusters.ContainsKey(clusterId))
            {
                clusters[clusterId] = BuildCluster(clusterId, exposure);
            }

            if (BuildCredential(exposure, decrypted) is { } credential)
            {
                credentials[service.Slug] = credential;
            }
        }

        _decrypted = decrypted;
        var catchAll = new RouteConfig
        {
            RouteId = CatchAllRouteId,
            ClusterId = NoServiceCluster,
            // Agency apps live on their own origin, away from sign-in and administration.
            Match = new RouteMatch { Path = "/{**path}", Hosts = [edge.Value.Hosts.Apps] },
        };
        return new ProxyConfigSet([catchAll], [.. clusters.Values], credentials, ServiceRouteTable.For(catalogue, previous, upstreams.IdOf));
    }

    /// <summary>A service's own route: the metadata the access and quota steps read, and its transforms.</summary>
    public RouteConfig BuildRoute(PublishedService service, string clusterId)
    {
        var (slug, agencyCode, exposure) = (service.Slug, service.AgencyCode, service.Exposure);
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
        var isPublic = exposure.Access == AccessRuleKind.Public;
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

        var metadata = new Dictionary<string, string>
        {
            [UpstreamCredentialTransformProvider.ServiceKey] = slug,
            [RouteRule.AgencyKey] = agencyCode,
            [RouteRule.KindKey] = exposure.Access.ToString(),
            [ServiceConcurrency.LimitKey] = (exposure.MaxConcurrentRequests ?? proxyOptions.Value.MaxConcurrentRequestsPerService)
                .ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (exposure.ForwardClientCookies)
        {
            metadata[CookieConfinement.ForwardsCookiesKey] = "true";
        }

        if (exposure.QuotaPerAddressPerMinute is { } perAddress)
        {
            metadata[ServiceQuotas.PerAddressKey] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (exposure.QuotaPerClientPerMinute is { } perClient)
        {
            metadata[ServiceQuotas.PerClientKey] = perClient.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (service.NeedsVerifiedNik)
        {
            metadata[RouteRule.VerifiedNikKey] = "true";
        }

        if (exposure.Access == AccessRuleKind.AgencyClient)
        {
            metadata[RouteRule.ScopeKey] = exposure.AccessScope ?? RouteRule.AgencyScope(agencyCode);
        }

        return new RouteConfig
        {
            RouteId = slug,
            ClusterId = clusterId,
            // Not matched by YARP (ServiceRouter finds the service); kept so the route reads as it acts.
            Match = new RouteMatch { Path = prefix + "/{**rest}", Methods = exposure.Methods, Hosts = [edge.Value.Hosts.Apps] },
            Metadata = metadata,
            Transforms = transforms,
        };
    }

    private ClusterConfig BuildCluster(string clusterId, PublishedExposure exposure)
    {
        var health = healthOptions.Value;
        return new ClusterConfig
        {
            ClusterId = clusterId,
            Destinations = exposure.Destinations
                .Select((address, i) => (Key: $"{clusterId}/{i}", Value: new DestinationConfig { Address = address }))
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
                // When every destination is known to be down, answer at once (503 naming the service) instead of
                // making each caller wait out the timeout against an app that cannot answer: the prober brings
                // a destination back on its first good probe, passive checks after ReactivationPeriod.
                AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyAndUnknown,
            },
        };
    }

    private UpstreamCredential? BuildCredential(PublishedExposure exposure, Dictionary<string, string> decrypted)
    {
        if (exposure.UpstreamAuth == UpstreamAuthKind.None || exposure.UpstreamSecret is not { } protectedSecret)
        {
            return null;
        }

        if (!_decrypted.TryGetValue(protectedSecret, out var secret))
        {
            secret = secrets.Unprotect(protectedSecret);
        }

        decrypted[protectedSecret] = secret;
        return exposure.UpstreamAuth switch
        {
            UpstreamAuthKind.ApiKey => new UpstreamCredential(exposure.UpstreamHeaderName ?? UpstreamSecrets.DefaultApiKeyHeader, secret),
            UpstreamAuthKind.Basic => new UpstreamCredential("Authorization",
                "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{exposure.UpstreamUsername}:{secret}"))),
            _ => null,
        };
    }
}

using System.Text;
using Gateway.Platform.Catalogue;
using Gateway.Platform.Security;
using Gateway.Proxy.Access;
using Gateway.Proxy.Health;
using Gateway.Proxy.Routing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Gateway.Proxy.Tests;

public sealed class ProxyConfigFactoryTests
{
    private static readonly UpstreamSecrets Secrets = new(new EphemeralDataProtectionProvider());
    private static readonly UpstreamClusters Upstreams = new();
    private static readonly ProxyConfigFactory Factory = new(Secrets, Upstreams, Options.Create(new HealthCheckOptions()), Options.Create(new ProxyOptions()),
        Options.Create(new Gateway.Platform.Edge.EdgeOptions { Hosts = { Apps = "apps.kota.example" } }));

    private static ProxyConfigSet Build(params PublishedService[] services) => Factory.Build(Published.Catalogue(services), ServiceRouteTable.Empty);

    /// <summary>The route the proxy uses for a service once it is called.</summary>
    private static Yarp.ReverseProxy.Configuration.RouteConfig RouteOf(PublishedService service) =>
        Factory.BuildRoute(service, Upstreams.IdOf(service.Exposure));

    [Fact]
    public void Yarp_gets_one_catch_all_route_on_the_apps_origin_and_each_service_its_own_route_when_called()
    {
        var akta = Published.Service("akta", Published.Exposure("/disdukcapil/akta", "http://10.0.0.5/"));
        var set = Build(akta);

        var catchAll = Assert.Single(set.Routes);
        Assert.Equal("/{**path}", catchAll.Match.Path);
        Assert.Equal(["apps.kota.example"], catchAll.Match.Hosts);
        var cluster = Assert.Single(set.Clusters, c => c.ClusterId == Upstreams.IdOf(akta.Exposure));
        var route = RouteOf(akta);
        Assert.Equal("akta", route.RouteId);
        Assert.Equal(cluster.ClusterId, route.ClusterId);
        Assert.Equal("/disdukcapil/akta/{**rest}", route.Match.Path);
        Assert.Equal(["apps.kota.example"], route.Match.Hosts);
        Assert.Equal(["GET", "HEAD"], route.Match.Methods);
        Assert.Null(route.AuthorizationPolicy);
        Assert.Equal(TimeSpan.FromSeconds(12), cluster.HttpRequest!.ActivityTimeout);
        Assert.Equal("/health", cluster.HealthCheck!.Active!.Path);
    }

    [Fact]
    public void The_prefix_is_stripped_and_client_credentials_removed_by_default()
    {
        var transforms = RouteOf(Published.Service("akta", Published.Exposure("/disdukcapil/akta", "http://10.0.0.5/"))).Transforms!;

        Assert.Contains(transforms, t => t.TryGetValue("PathRemovePrefix", out var p) && p == "/disdukcapil/akta");
        Assert.Contains(transforms, t => t.TryGetValue("RequestHeaderRemove", out var h) && h == "Cookie");
        Assert.Contains(transforms, t => t.TryGetValue("RequestHeaderRemove", out var h) && h == "Authorization");
        Assert.Contains(transforms, t => t.TryGetValue("RequestHeaderRemove", out var h) && h == "X-Admin-Key");
    }

    [Fact]
    public void A_service_is_refused_at_once_when_every_destination_is_down_and_carries_its_concurrency_cap()
    {
        var plain = Published.Service("akta", Published.Exposure("/disdukcapil/akta", "http://10.0.0.5/"));
        var capped = Published.Service("kia", Published.Exposure("/disdukcapil/kia", "http://10.0.0.6/") with { MaxConcurrentRequests = 8 });
        var set = Build(plain, capped);

        Assert.All(set.Clusters.Where(c => c.Destinations?.Count > 0), c =>
            Assert.Equal(Yarp.ReverseProxy.Health.HealthCheckConstants.AvailableDestinations.HealthyAndUnknown, c.HealthCheck!.AvailableDestinationsPolicy));
        Assert.Equal(new ProxyOptions().MaxConcurrentRequestsPerService.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RouteOf(plain).Metadata![ServiceConcurrency.LimitKey]);
        Assert.Equal("8", RouteOf(capped).Metadata![ServiceConcurrency.LimitKey]);
    }

    [Fact]
    public void Credentials_are_decrypted_into_the_store_not_into_the_route()
    {
        var exposure = Published.Exposure("/disdukcapil/akta", "http://10.0.0.5/") with
        {
            UpstreamAuth = UpstreamAuthKind.Basic,
            UpstreamUsername = "gw",
            UpstreamSecret = Secrets.Protect("pw"),
        };
        var service = Published.Service("akta", exposure);
        var set = Build(service);
        var route = RouteOf(service);

        var credential = set.Credentials["akta"];
        Assert.Equal("Authorization", credential.HeaderName);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("gw:pw")), credential.Value);
        var routeText = string.Join(";", route.Metadata!.Values) + string.Join(";", route.Transforms!.SelectMany(t => t.Values));
        Assert.DoesNotContain(credential.Value, routeText, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", routeText.Split(';'));
    }

    [Fact]
    public void Services_on_the_same_app_share_a_cluster_and_a_different_timeout_makes_another()
    {
        var a = Published.Service("akta", Published.Exposure("/disdukcapil/akta", "http://10.0.0.5/"));
        var b = Published.Service("kk", Published.Exposure("/disdukcapil/kk", "http://10.0.0.5/"));
        var slow = Published.Service("arsip", Published.Exposure("/disdukcapil/arsip", "http://10.0.0.5/") with { TimeoutSeconds = 60 });

        var set = Build(a, b, slow);

        Assert.Equal(Upstreams.IdOf(a.Exposure), Upstreams.IdOf(b.Exposure));
        Assert.NotEqual(Upstreams.IdOf(a.Exposure), Upstreams.IdOf(slow.Exposure));
        Assert.Equal(3, set.Clusters.Count); // two upstreams and the catch-all's placeholder
        Assert.Equal(TimeSpan.FromSeconds(60), set.Clusters.Single(c => c.ClusterId == Upstreams.IdOf(slow.Exposure)).HttpRequest!.ActivityTimeout);
    }

    [Fact]
    public void A_service_is_found_by_its_prefix_segment_by_segment_ignoring_case()
    {
        var akta = Published.Service("akta", Published.Exposure("/disdukcapil/akta", "http://10.0.0.5/"));
        var agency = Published.Service("beranda", Published.Exposure("/disdukcapil", "http://10.0.0.6/"));
        var table = Build(akta, agency).Services;

        Assert.Same(akta, table.Find("/disdukcapil/akta")?.Service);
        Assert.Same(akta, table.Find("/Disdukcapil/AKTA/berkas/1")?.Service);
        Assert.Same(agency, table.Find("/disdukcapil/aktax")?.Service);
        Assert.Same(agency, table.Find("/disdukcapil/")?.Service);
        Assert.Null(table.Find("/dinkes/akta"));
        Assert.Null(table.Find("/"));
    }

    [Fact]
    public void An_unchanged_service_keeps_its_route_across_reloads_and_a_changed_one_gets_a_new_one()
    {
        var akta = Published.Service("akta", Published.Exposure("/disdukcapil/akta", "http://10.0.0.5/"));
        var kk = Published.Service("kk", Published.Exposure("/disdukcapil/kk", "http://10.0.0.5/"));
        var first = Build(akta, kk).Services;

        var kkChanged = kk with { Version = 2, Exposure = kk.Exposure with { TimeoutSeconds = 5 } };
        var second = Factory.Build(Published.Catalogue(akta, kkChanged), first).Services;

        Assert.Same(first.Find("/disdukcapil/akta"), second.Find("/disdukcapil/akta"));
        Assert.NotSame(first.Find("/disdukcapil/kk"), second.Find("/disdukcapil/kk"));
        Assert.Same(kkChanged, second.Find("/disdukcapil/kk")?.Service);
    }

    [Theory]
    [InlineData(AccessRuleKind.Public, null, false)]
    [InlineData(AccessRuleKind.Citizen, typeof(CitizenOfRoute), true)]
    [InlineData(AccessRuleKind.AgencyOfficer, typeof(OfficerOfOwningAgency), true)]
    [InlineData(AccessRuleKind.AgencyClient, typeof(HoldsRouteScope), false)]
    public void Each_access_rule_maps_to_its_check(AccessRuleKind kind, Type? check, bool peopleAllowed)
    {
        var exposure = Published.Exposure("/disdukcapil/akta", "http://10.0.0.5/") with
        {
            Access = kind,
            AccessScope = kind == AccessRuleKind.AgencyClient ? "agency:x:read" : null,
        };

        var route = RouteOf(Published.Service("akta", exposure));
        var rule = RouteRule.Of(route);

        Assert.Equal(check, rule?.GetType());
        Assert.Equal(peopleAllowed, rule?.PeopleAllowed ?? false);
        Assert.Equal(kind != AccessRuleKind.Public, RouteRule.IsProtected(route));
        // The proxy checks access itself: no route leaves it to the authorization middleware.
        Assert.Null(route.AuthorizationPolicy);
    }

    [Fact]
    public void A_route_without_an_access_rule_opens_to_nobody()
    {
        var route = new Yarp.ReverseProxy.Configuration.RouteConfig { RouteId = "foreign", ClusterId = "x" };

        Assert.Throws<InvalidOperationException>(() => RouteRule.Of(route));
    }
}

using System.Text;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Proxy;
using Gateway.Catalogue.Snapshot;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Gateway.Catalogue.Tests;

public sealed class ProxyConfigFactoryTests
{
    private static readonly UpstreamSecrets Secrets = new(new EphemeralDataProtectionProvider());
    private static readonly ProxyConfigFactory Factory = new(Secrets, Options.Create(new CatalogueOptions()),
        Options.Create(new Gateway.Platform.Edge.EdgeOptions { Hosts = { Apps = "apps.kota.example" } }));

    private static ProxyConfigSet Build(params Service[] services) =>
        Factory.Build(new CatalogueSnapshot(1, DateTimeOffset.UnixEpoch, [Samples.Disdukcapil], services));

    [Fact]
    public void Only_exposed_services_get_a_route_and_a_cluster_named_by_their_slug()
    {
        var set = Build(
            Samples.Service("akta", Samples.Disdukcapil, "Akta", "Certificate", "kependudukan", exposure: Samples.Exposure("/disdukcapil/akta", "http://10.0.0.5/")),
            Samples.Service("loket", Samples.Disdukcapil, "Loket", "Counter", "kependudukan"));

        var route = Assert.Single(set.Routes);
        var cluster = Assert.Single(set.Clusters);
        Assert.Equal("akta", route.RouteId);
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
        var set = Build(Samples.Service("akta", Samples.Disdukcapil, "Akta", "Certificate", "kependudukan",
            exposure: Samples.Exposure("/disdukcapil/akta", "http://10.0.0.5/")));
        var transforms = set.Routes[0].Transforms!;

        Assert.Contains(transforms, t => t.TryGetValue("PathRemovePrefix", out var p) && p == "/disdukcapil/akta");
        Assert.Contains(transforms, t => t.TryGetValue("RequestHeaderRemove", out var h) && h == "Cookie");
        Assert.Contains(transforms, t => t.TryGetValue("RequestHeaderRemove", out var h) && h == "Authorization");
        Assert.Contains(transforms, t => t.TryGetValue("RequestHeaderRemove", out var h) && h == "X-Admin-Key");
    }

    [Fact]
    public void Credentials_are_decrypted_into_the_store_not_into_the_route()
    {
        var exposure = Samples.Exposure("/disdukcapil/akta", "http://10.0.0.5/");
        exposure.UpstreamAuth = new UpstreamAuth { Kind = UpstreamAuthKind.Basic, Username = "gw", ProtectedSecret = Secrets.Protect("pw") };
        var set = Build(Samples.Service("akta", Samples.Disdukcapil, "Akta", "Certificate", "kependudukan", exposure: exposure));

        var credential = set.Credentials["akta"];
        Assert.Equal("Authorization", credential.HeaderName);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("gw:pw")), credential.Value);
        var routeText = string.Join(";", set.Routes[0].Metadata!.Values) + string.Join(";", set.Routes[0].Transforms!.SelectMany(t => t.Values));
        Assert.DoesNotContain(credential.Value, routeText, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", routeText.Split(';'));
    }

    [Fact]
    public void A_new_secret_changes_the_route_so_yarp_rebuilds_its_transforms()
    {
        Service WithSecret(string secret)
        {
            var exposure = Samples.Exposure("/disdukcapil/akta", "http://10.0.0.5/");
            exposure.UpstreamAuth = new UpstreamAuth { Kind = UpstreamAuthKind.ApiKey, HeaderName = "X-Api-Key", ProtectedSecret = Secrets.Protect(secret) };
            return Samples.Service("akta", Samples.Disdukcapil, "Akta", "Certificate", "kependudukan", exposure: exposure);
        }

        Assert.NotEqual(Build(WithSecret("one")).Routes[0], Build(WithSecret("two")).Routes[0]);
    }

    [Theory]
    [InlineData(AccessRuleKind.Public, null, false)]
    [InlineData(AccessRuleKind.Citizen, typeof(CitizenOfRoute), true)]
    [InlineData(AccessRuleKind.AgencyOfficer, typeof(OfficerOfOwningAgency), true)]
    [InlineData(AccessRuleKind.AgencyClient, typeof(HoldsRouteScope), false)]
    public void Each_access_rule_maps_to_its_check(AccessRuleKind kind, Type? check, bool peopleAllowed)
    {
        var exposure = Samples.Exposure("/disdukcapil/akta", "http://10.0.0.5/");
        exposure.Access = new AccessRule(kind, kind == AccessRuleKind.AgencyClient ? "agency:x:read" : null);

        var route = Build(Samples.Service("akta", Samples.Disdukcapil, "Akta", "C", "kependudukan", exposure: exposure)).Routes[0];
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

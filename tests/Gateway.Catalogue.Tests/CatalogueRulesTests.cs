using Gateway.Catalogue.Editing;

namespace Gateway.Catalogue.Tests;

public sealed class CatalogueRulesTests
{
    [Theory]
    [InlineData("/a/b", "/a/b", true)]
    [InlineData("/a/b", "/a/b/c", true)]
    [InlineData("/a/b/c", "/a", true)]
    [InlineData("/a/b", "/a/bc", false)]   // segment-wise, not string-wise
    [InlineData("/a/bc", "/a/b", false)]
    [InlineData("/dinsos/a", "/dishub/a", false)]
    public void Prefixes_overlap_only_along_path_segments(string a, string b, bool overlap) =>
        Assert.Equal(overlap, CatalogueRules.Overlaps(a, b));

    [Theory]
    [InlineData("/api", true)]
    [InlineData("/api/things", true)]
    [InlineData("/healthz/x", true)]
    [InlineData("/_internal", true)]
    [InlineData("/apis", false)]
    [InlineData("/disdukcapil/api", false)]
    public void The_gateways_own_paths_are_reserved(string prefix, bool reserved) =>
        Assert.Equal(reserved, CatalogueRules.IsReserved(prefix));

    [Theory]
    [InlineData("http://10.0.0.5:8080/api", true)]
    [InlineData("https://siak.kota.go.id/", true)]
    [InlineData("ftp://10.0.0.5/", false)]
    [InlineData("http://user:pw@10.0.0.5/", false)]
    [InlineData("http://10.0.0.5/?debug=1", false)]
    [InlineData("http://10.0.0.5/#x", false)]
    [InlineData("/relative", false)]
    [InlineData(null, false)]
    public void Destinations_are_plain_absolute_http_urls(string? value, bool valid) =>
        Assert.Equal(valid, CatalogueRules.IsValidDestination(value));

    [Theory]
    [InlineData("/disdukcapil/akta-kelahiran", true)]
    [InlineData("/dpmptsp/v1.2/izin_usaha", true)]
    [InlineData("/Disdukcapil", false)]
    [InlineData("/trailing/", false)]
    [InlineData("no-slash", false)]
    [InlineData("/a//b", false)]
    [InlineData("/a/{id}", false)]
    public void Path_prefixes_are_lowercase_segments(string prefix, bool valid) =>
        Assert.Equal(valid, CatalogueRules.PathPrefix().IsMatch(prefix));
}

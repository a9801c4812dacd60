using Gateway.Catalogue.Editing;

namespace Gateway.Catalogue.Tests;

public sealed class PrefixIndexTests
{
    private static PrefixIndex Taken(params string[] prefixes)
    {
        var index = new PrefixIndex();
        foreach (var prefix in prefixes)
        {
            index.Add(prefix, "svc" + prefix.Replace('/', '-'));
        }

        return index;
    }

    [Theory]
    [InlineData("/dinas/akta", "/dinas/akta")] // the same
    [InlineData("/dinas/akta/baru", "/dinas/akta")] // under a taken one
    [InlineData("/dinas", "/dinas/akta")] // above a taken one
    public void Overlaps_are_found_both_ways(string prefix, string clash) =>
        Assert.Equal(clash, Taken("/dinas/akta", "/lain/kk").Overlap(prefix)?.Prefix);

    [Theory]
    [InlineData("/dinas/aktax")]
    [InlineData("/dinas/akt")]
    [InlineData("/dinas-akta")]
    [InlineData("/dinas/akta-baru")]
    public void Prefixes_that_only_share_characters_do_not_overlap(string prefix) =>
        Assert.Null(Taken("/dinas/akta", "/dinas/akta/baru/x").Overlap(prefix));

    [Fact]
    public void Agrees_with_the_rule_for_every_pair_of_a_sample()
    {
        string[] sample = ["/a", "/a/b", "/a/bc", "/a/b/c", "/ab", "/b/a", "/a-b", "/a/b-c"];
        foreach (var taken in sample)
        {
            foreach (var candidate in sample)
            {
                Assert.Equal(CatalogueRules.Overlaps(candidate, taken), Taken(taken).Overlap(candidate) is not null);
            }
        }
    }
}

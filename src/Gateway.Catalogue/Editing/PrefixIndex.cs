namespace Gateway.Catalogue.Editing;

/// <summary>
/// The path prefixes already taken, to refuse overlapping ones (<see cref="CatalogueRules.Overlaps"/>)
/// without comparing a new prefix with every service: its ancestors are dictionary lookups and its
/// descendants one range of a sorted set. A bulk import adds each accepted row, so rows are checked
/// against each other as well as against the catalogue.
/// </summary>
internal sealed class PrefixIndex
{
    private readonly Dictionary<string, string> _slugByPrefix = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _sorted = new(StringComparer.Ordinal);

    public void Add(string prefix, string slug)
    {
        _slugByPrefix[prefix] = slug;
        _sorted.Add(prefix);
    }

    /// <summary>The prefix and every path-segment ancestor of it: /a/b/c, /a/b, /a.</summary>
    public static List<string> SelfAndAncestors(string prefix)
    {
        var all = new List<string>();
        for (var candidate = prefix; candidate.Length > 0; candidate = candidate[..candidate.LastIndexOf('/')])
        {
            all.Add(candidate);
        }

        return all;
    }

    /// <summary>A taken prefix the given one overlaps, with the service holding it; null when free.</summary>
    public (string Prefix, string Slug)? Overlap(string prefix)
    {
        // The prefix itself or an ancestor of it: /a/b/c is taken by /a/b/c, /a/b or /a.
        foreach (var candidate in SelfAndAncestors(prefix))
        {
            if (_slugByPrefix.TryGetValue(candidate, out var slug))
            {
                return (candidate, slug);
            }
        }

        // A descendant: the taken prefixes between "/a/b/" and "/a/b0" ('0' follows '/') all start with "/a/b/".
        var below = _sorted.GetViewBetween(prefix + "/", prefix + "0");
        return below.Count > 0 ? (below.Min!, _slugByPrefix[below.Min!]) : null;
    }
}

using System.Text.RegularExpressions;
using System.Xml.Linq;
using Gateway.Testing;

namespace Gateway.Platform.Tests;

/// <summary>
/// The module map of docs/architecture.md, held by the source itself: modules know Platform, Messaging and
/// Contracts but not each other, and no two folders of a project depend on each other (a folder is a
/// namespace; a dependency is a <c>using</c> or a qualified name in its code). A project's root namespace
/// (its module entry point and options) is left out: it wires the folders and they may read its options.
/// </summary>
public sealed partial class ModuleMapTests
{
    private static readonly string[] Modules = ["Gateway.Catalogue", "Gateway.Proxy", "Gateway.Identity", "Gateway.Requests", "Gateway.Complaints", "Gateway.Audit"];

    /// <summary>
    /// Cycles left in modules not yet untangled: an entity declared beside the services that use it, so its
    /// folder and the database context depend on each other. Listed so the list can only shrink: a new
    /// cycle (the catalogue and the proxy have none), or one untangled without updating this list, fails.
    /// </summary>
    private static readonly string[] KnownCycles =
    [
        "Gateway.Adapters.Sdk.Calls, Gateway.Adapters.Sdk.Contract",
        "Gateway.Identity.Accounts, Gateway.Identity.Events, Gateway.Identity.Persistence",
        "Gateway.Messaging.Outbox, Gateway.Messaging.Persistence, Gateway.Messaging.Subscriptions, Gateway.Messaging.Webhooks",
    ];

    [Fact]
    public void Modules_reference_no_other_module()
    {
        foreach (var module in Modules)
        {
            var project = XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", module, module + ".csproj"));
            var references = project.Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));
            Assert.Empty(references.Intersect(Modules));
        }
    }

    [Fact]
    public void No_folder_depends_on_a_folder_that_depends_back_on_it()
    {
        var graph = NamespaceGraph(Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "src")));
        Assert.Equal(KnownCycles, Cycles(graph));
    }

    [Fact]
    public void The_cycle_check_finds_a_cycle()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A.Snapshot"] = ["A.Proxy"],
            ["A.Proxy"] = ["A.Snapshot"],
            ["A.Search"] = ["A.Snapshot"],
        };

        Assert.Equal(["A.Proxy, A.Snapshot"], Cycles(graph));
    }

    /// <summary>Each namespace (folder) of the given projects, with the other namespaces of the same project its code names.</summary>
    private static Dictionary<string, HashSet<string>> NamespaceGraph(IEnumerable<string> projectFolders)
    {
        var files = projectFolders
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/") && !f.Contains("/Migrations/"))
                .Select(f => (Text: File.ReadAllText(f), Project: Path.GetFileName(folder))))
            .Select(f => (f.Text, f.Project, Namespace: DeclaredNamespace().Match(f.Text).Groups[1].Value))
            .Where(f => f.Namespace.StartsWith(f.Project + ".", StringComparison.Ordinal)) // the root namespace is left out
            .ToList();
        var projectOf = files.GroupBy(f => f.Namespace).ToDictionary(g => g.Key, g => g.First().Project, StringComparer.Ordinal);
        var known = files.Select(f => f.Namespace).ToHashSet(StringComparer.Ordinal);
        var graph = known.ToDictionary(n => n, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var (text, _, ns) in files)
        {
            foreach (Match name in QualifiedName().Matches(DeclaredNamespace().Replace(text, "")))
            {
                // The longest known namespace the name starts with: Gateway.Proxy.Health.SharedProber → Gateway.Proxy.Health.
                var target = name.Value;
                while (!known.Contains(target) && target.LastIndexOf('.') is > 0 and var dot)
                {
                    target = target[..dot];
                }

                if (known.Contains(target) && target != ns && projectOf[target] == projectOf[ns])
                {
                    graph[ns].Add(target);
                }
            }
        }

        return graph;
    }

    /// <summary>Groups of namespaces that all reach each other (strongly connected), each as "A, B, C" in order.</summary>
    private static List<string> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        HashSet<string> Reachable(string from)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(graph[from]);
            while (stack.TryPop(out var next))
            {
                if (seen.Add(next) && graph.TryGetValue(next, out var onward))
                {
                    foreach (var n in onward)
                    {
                        stack.Push(n);
                    }
                }
            }

            return seen;
        }

        var reach = graph.Keys.ToDictionary(k => k, Reachable);
        return [.. graph.Keys
            .Select(a => reach[a].Where(b => reach.TryGetValue(b, out var back) && back.Contains(a)).Append(a).Distinct().Order(StringComparer.Ordinal).ToList())
            .Where(group => group.Count > 1)
            .Select(group => string.Join(", ", group))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex DeclaredNamespace();

    [GeneratedRegex(@"\bGateway(\.[A-Z]\w*)+")]
    private static partial Regex QualifiedName();
}

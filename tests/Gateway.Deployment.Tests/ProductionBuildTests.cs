using System.Text.Json;

namespace Gateway.Deployment.Tests;

/// <summary>
/// The gateway as it is deployed: <c>dotnet publish</c> (Release, what the container image runs). It carries
/// no demo city — no sample department apps, no demo accounts or seeding — and still runs; asked for the
/// demo, it refuses to start with a message that says why.
/// </summary>
public sealed class ProductionBuildTests(ProductionBuildTests.Published published) : IClassFixture<ProductionBuildTests.Published>
{
    /// <summary>What a demo build carries and a production build must not.</summary>
    private static readonly string[] DemoAssemblies = ["Gateway.Demo", "Gateway.Adapters.SampleHost", "Gateway.Adapters.TestKit", ".LegacyApp"];

    [Fact]
    public void The_published_gateway_contains_no_demo_city_and_no_sample_legacy_apps()
    {
        var assemblies = Directory.GetFiles(published.Folder, "*.dll").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Contains("Gateway.Host", assemblies);
        Assert.Contains("Gateway.Proxy", assemblies);
        foreach (var demo in DemoAssemblies)
        {
            Assert.DoesNotContain(assemblies, a => a!.Contains(demo, StringComparison.Ordinal));
        }

        // No department's adapter either: each is a service of its own, registered in the catalogue.
        Assert.DoesNotContain(assemblies, a => a!.StartsWith("Adapters.", StringComparison.Ordinal));

        // Nor does the dependency manifest name them (a reference resolved at run time would).
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Folder, "Gateway.Host.deps.json")));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name).ToList();
        Assert.Contains(libraries, l => l.StartsWith("Gateway.Catalogue/", StringComparison.Ordinal));
        foreach (var demo in DemoAssemblies)
        {
            Assert.DoesNotContain(libraries, l => l.Contains(demo, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(libraries, l => l.StartsWith("Adapters.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_published_gateway_runs_with_an_empty_catalogue()
    {
        var data = Directory.CreateTempSubdirectory("satupintu-prod-").FullName;
        try
        {
            using var gateway = await GatewayProcess.StartAsync(data, new Dictionary<string, string?>(), hostDirectory: published.Folder);
            using var client = gateway.CreateClient();

            var services = await client.GetStringAsync("/api/catalogue/services", TestContext.Current.CancellationToken);
            using var body = JsonDocument.Parse(services);
            Assert.Equal(0, body.RootElement.GetProperty("total").GetInt32());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Asked_for_the_demo_the_published_gateway_refuses_to_start_and_says_why()
    {
        var data = Directory.CreateTempSubdirectory("satupintu-prod-").FullName;
        try
        {
            var (exitCode, output) = await DotnetCli.RunUncheckedAsync(published.Folder, TimeSpan.FromSeconds(60),
                new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                    ["Storage__DataDirectory"] = data,
                    ["Demo__Enabled"] = "true",
                },
                Path.Combine(published.Folder, "Gateway.Host.dll"));
            Assert.True(exitCode != 0, output);
            Assert.Contains("contains no demo city", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>
    /// One Release publish of the host for the class, built in its own artifacts folder so it never touches
    /// the Debug build the other tests run from.
    /// </summary>
    public sealed class Published : IAsyncLifetime
    {
        private readonly string _work = Directory.CreateTempSubdirectory("satupintu-publish-").FullName;

        public string Folder => Path.Combine(_work, "out");

        public async ValueTask InitializeAsync() =>
            await DotnetCli.RunAsync(RepositoryRoot.Path, TimeSpan.FromMinutes(10),
                "publish", Path.Combine("src", "Gateway.Host"), "-c", "Release", "-o", Folder,
                "--artifacts-path", Path.Combine(_work, "artifacts"), "--nologo");

        public ValueTask DisposeAsync()
        {
            Directory.Delete(_work, recursive: true);
            return ValueTask.CompletedTask;
        }
    }
}

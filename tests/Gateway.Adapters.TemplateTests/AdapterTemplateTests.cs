using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

using Gateway.Testing;

namespace Gateway.Adapters.TemplateTests;

/// <summary>What an agency developer does on day one: `dotnet new satupintu-adapter`, then `dotnet test`.</summary>
public sealed partial class AdapterTemplateTests : IDisposable
{
    private static readonly string Repository = RepositoryRoot.Path;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "satupintu-template-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task The_template_makes_an_adapter_whose_kit_tests_build_and_pass()
    {
        var hive = Path.Combine(_work, "hive");
        var adapters = Path.Combine(_work, "city", "adapters");
        Directory.CreateDirectory(adapters);
        // The repository's build settings (analyzers, warnings as errors, central package versions) apply
        // to adapters under adapters/: give the temporary city the same ones.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
        {
            File.Copy(Path.Combine(Repository, file), Path.Combine(_work, "city", file));
        }

        await RunAsync(_work, "new", "install", Path.Combine(Repository, "templates", "satupintu-adapter"), "--debug:custom-hive", hive);
        await RunAsync(adapters, "new", "satupintu-adapter", "-n", "Bapenda", "-o", "Bapenda",
            "--sdkRoot", Path.Combine(Repository, "src"), "--debug:custom-hive", hive);

        var generated = Directory.GetFiles(Path.Combine(adapters, "Bapenda"), "*", SearchOption.AllDirectories);
        Assert.Contains(generated, f => f.EndsWith(Path.Combine("Adapters.Bapenda", "BapendaAdapter.cs"), StringComparison.Ordinal));
        Assert.Contains(generated, f => f.EndsWith(Path.Combine("Adapters.Bapenda.Tests", "BapendaFixture.cs"), StringComparison.Ordinal));
        Assert.Contains(generated, f => f.EndsWith(Path.Combine("Adapters.Bapenda.LegacyApp", "BapendaApp.cs"), StringComparison.Ordinal));
        foreach (var file in generated)
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            Assert.DoesNotContain("Dinasku", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SATUPINTU_SRC", text, StringComparison.Ordinal);
        }

        var output = await RunAsync(adapters, "test", Path.Combine("Bapenda", "Adapters.Bapenda.Tests"), "-c", Configuration());

        var summary = Summary().Match(output);
        Assert.True(summary.Success, output[^Math.Min(output.Length, 3000)..]);
        Assert.Equal("0", summary.Groups["failed"].Value);
        Assert.True(int.Parse(summary.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 20, summary.Value); // in process and as a service

        // The deployable service runs standalone, as its container would run it.
        var service = Path.Combine(adapters, "Bapenda", "Adapters.Bapenda.Service");
        Assert.True(File.Exists(Path.Combine(service, "Dockerfile")));
        Assert.True(File.Exists(Path.Combine(service, "helm-values.yaml")));
        await RunAsync(adapters, "build", service, "-c", Configuration());
        await RunsStandaloneAsync(service);

        // Its Helm values deploy it with the repository's adapter chart.
        var rendered = await Helm.TemplateAsync(Path.Combine(Repository, "charts", "adapter"),
            "-f", Path.Combine(service, "helm-values.yaml"), "--set", "gateway.url=https://satupintu.kota.go.id/");
        Assert.Contains("name: AdapterService__Adapter\n              value: \"Bapenda\"", rendered, StringComparison.Ordinal);
        Assert.Contains("name: AdapterService__AgencyCode\n              value: \"bapenda\"", rendered, StringComparison.Ordinal);
        Assert.Contains("name: Adapters__Bapenda__ApiKey\n              valueFrom:", rendered, StringComparison.Ordinal);
        Helm.AssertRestricted(rendered);
    }

    /// <summary>Starts the generated adapter service as its own process: it answers /health, publishes its API document, and refuses contract calls without the gateway's token.</summary>
    private static async Task RunsStandaloneAsync(string project)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "run", "--project", project, "--no-build", "-c", Configuration(), "--no-launch-profile" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["AdapterService__Gateway"] = "http://127.0.0.1:9/"; // read only when a call arrives
        start.Environment["AdapterService__AllowHttp"] = "true";
        start.Environment["AdapterService__Key"] = Guid.NewGuid().ToString("N");
        start.Environment["Adapters__Bapenda__BaseAddress"] = "http://127.0.0.1:9/";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await Eventually.HoldsAsync(async () =>
            {
                Assert.False(process.HasExited, $"the adapter service exited {(process.HasExited ? process.ExitCode : 0)}:\n{output}");
                try
                {
                    return (await http.GetAsync("health")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, "the generated adapter service to answer /health", TimeSpan.FromSeconds(60));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync("adapter/v1/manifest")).StatusCode);
            Assert.Contains("Bapenda adapter", await http.GetStringAsync("swagger/v1/swagger.json"), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder left behind is harmless
        }
    }

    [GeneratedRegex(@"Failed:\s+(?<failed>\d+),\s+Passed:\s+(?<passed>\d+)")]
    private static partial Regex Summary();

    private static string Configuration() => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static Task<string> RunAsync(string directory, params string[] arguments) =>
        DotnetCli.RunAsync(directory, TimeSpan.FromMinutes(8), arguments);
}

using System.Text.Json;
using Gateway.Testing;

namespace Gateway.Deployment.Tests;

/// <summary>
/// charts/adapter with each adapter's own values file renders a deployment an operator can install: the
/// settings names match what the adapter service reads, secrets come from a Secret, and the pod runs
/// under the restricted Pod Security profile.
/// </summary>
public sealed class AdapterChartTests
{
    private static readonly string Repository = RepositoryRoot.Path;
    private static readonly string Chart = Path.Combine(Repository, "charts", "adapter");

    public static TheoryData<string> ServiceProjects()
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.GetDirectories(Path.Combine(Repository, "adapters"), "Adapters.*.Service", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repository, project));
        }

        return data;
    }

    [Fact]
    public void Every_adapter_in_the_repository_ships_as_a_service()
    {
        var adapters = Directory.GetDirectories(Path.Combine(Repository, "adapters")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList();
        var services = ServiceProjects().Select(row => row.Data.Split(Path.DirectorySeparatorChar)[1]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(adapters, services);
    }

    [Fact]
    public async Task The_chart_passes_strict_lint()
    {
        var values = Path.Combine(Repository, "adapters", "Dpmptsp", "Adapters.Dpmptsp.Service", "helm-values.yaml");
        var lint = await Helm.RunAsync("lint", "--strict", Chart, "-f", values, "--set", "gateway.url=https://satupintu.kota.go.id/");
        Assert.True(lint.ExitCode == 0, lint.Output + lint.Errors);
    }

    [Theory]
    [MemberData(nameof(ServiceProjects))]
    public async Task Each_adapter_values_file_renders_a_deployment_with_the_settings_its_service_reads(string project)
    {
        var directory = Path.Combine(Repository, project);
        var rendered = await Helm.TemplateAsync(Chart, "-f", Path.Combine(directory, "helm-values.yaml"), "--set", "gateway.url=https://satupintu.kota.go.id/");

        using var settings = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "appsettings.json"), TestContext.Current.CancellationToken));
        var service = settings.RootElement.GetProperty("AdapterService");
        var adapter = service.GetProperty("Adapter").GetString()!;
        Assert.Contains($"name: AdapterService__Adapter\n              value: \"{adapter}\"", rendered, StringComparison.Ordinal);
        Assert.Contains($"name: AdapterService__AgencyCode\n              value: \"{service.GetProperty("AgencyCode").GetString()}\"", rendered, StringComparison.Ordinal);
        Assert.True(settings.RootElement.GetProperty("Adapters").TryGetProperty(adapter, out _), $"appsettings.json has no Adapters:{adapter} section");
        Assert.Contains($"name: Adapters__{adapter}__BaseAddress", rendered, StringComparison.Ordinal);
        Assert.Contains("name: AdapterService__Key\n              valueFrom:\n                secretKeyRef:", rendered, StringComparison.Ordinal);
        Helm.AssertRestricted(rendered);
    }

    [Theory]
    [InlineData("gateway.url=", "gateway.url is required")]
    [InlineData("gateway.url=http://satupintu.kota.go.id/", "gateway.url must be https://")]
    [InlineData("secrets.existingSecret=", "secrets.existingSecret is required")]
    public async Task A_missing_or_unsafe_setting_fails_the_render_with_what_to_set(string setting, string message)
    {
        var values = Path.Combine(Repository, "adapters", "Dpmptsp", "Adapters.Dpmptsp.Service", "helm-values.yaml");
        var result = await Helm.RunAsync("template", "release", Chart, "-f", values, "--set", "gateway.url=https://satupintu.kota.go.id/", "--set", setting);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Errors, StringComparison.Ordinal);
    }
}

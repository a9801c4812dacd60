using System.Diagnostics;

namespace Gateway.Testing;

/// <summary>The helm CLI, offline (<c>.ci/run</c> installs it): renders charts the way an operator's install would.</summary>
internal static class Helm
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("helm") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("helm is not on PATH: .ci/run installs it (see ../shared/PITFALLS.md for the offline binary)", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return new Result(process.ExitCode, await stdout, await stderr);
        }
    }

    /// <summary>Renders a chart and fails with helm's own message when it does not render.</summary>
    public static async Task<string> TemplateAsync(string chart, params string[] arguments)
    {
        var result = await RunAsync(["template", "release", chart, .. arguments]);
        Assert.True(result.ExitCode == 0, $"helm template {chart} {string.Join(' ', arguments)} failed:\n{result.Errors}");
        return result.Output;
    }

    /// <summary>What the restricted Pod Security level asks of every pod.</summary>
    public static void AssertRestricted(string rendered)
    {
        Assert.Contains("runAsNonRoot: true", rendered, StringComparison.Ordinal);
        Assert.Contains("seccompProfile: { type: RuntimeDefault }", rendered, StringComparison.Ordinal);
        Assert.Contains("allowPrivilegeEscalation: false", rendered, StringComparison.Ordinal);
        Assert.Contains("capabilities: { drop: [ALL] }", rendered, StringComparison.Ordinal);
        Assert.Contains("automountServiceAccountToken: false", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("value: \"\"", rendered, StringComparison.Ordinal);
    }
}

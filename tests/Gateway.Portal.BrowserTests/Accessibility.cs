using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Gateway.Portal.BrowserTests;

/// <summary>axe-core on the page as it stands: no serious or critical violation, each one named with where it is.</summary>
internal static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{what}:\n" + string.Join("\n", serious));
    }
}

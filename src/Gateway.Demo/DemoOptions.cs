namespace Gateway.Demo;

/// <summary>Section <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo city and start its sample apps. Off for a real deployment.</summary>
    public bool Enabled { get; set; }

    /// <summary>How often the demo's stand-in clerks move each open case in the legacy systems one step on.</summary>
    public int ClerkSeconds { get; set; } = 20;
}

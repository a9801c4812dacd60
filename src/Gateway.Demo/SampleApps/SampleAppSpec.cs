namespace Gateway.Demo.SampleApps;

/// <summary>Behaviours of real department apps the gateway must cope with.</summary>
[Flags]
public enum Quirks
{
    None = 0,

    /// <summary>1–2.5 s per call; every third health probe takes 6 s (beyond the probe timeout).</summary>
    Slow = 1,

    /// <summary>About 30 % of calls fail with 503.</summary>
    Flaky = 2,

    /// <summary>Requires the <c>X-Api-Key</c> header.</summary>
    ApiKey = 4,

    /// <summary>Requires HTTP basic authentication.</summary>
    BasicAuth = 8,

    /// <summary>Answers in XML instead of JSON.</summary>
    Xml = 16,
}

/// <summary>One sample department app.</summary>
public sealed record SampleAppSpec(string Agency, string AppName, Quirks Quirks);

/// <summary>A running sample app and the credential the gateway must present to it.</summary>
public sealed record RunningSampleApp(SampleAppSpec Spec, Uri BaseAddress, string? ApiKey, string? BasicUser, string? BasicPassword);

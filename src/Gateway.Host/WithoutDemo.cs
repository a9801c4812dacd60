namespace Gateway.Host;

/// <summary>What a build without the demo city (Release, see the project file) does when asked for it.</summary>
internal static class WithoutDemo
{
    /// <summary>
    /// Refuses to start when <c>Demo:Enabled</c> is true: the setting cannot be honoured by this build, and
    /// starting without the demo an operator asked for would look like a broken demo, not a production build.
    /// </summary>
    public static void RefuseDemoCity(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("Demo:Enabled"))
        {
            throw new InvalidOperationException(
                "Demo:Enabled is true, but this build of the gateway contains no demo city: a Release build (dotnet publish) leaves it out. " +
                "Set Demo:Enabled=false for a deployment, or run the demo from a Debug build: dotnet run --project src/Gateway.Host");
        }
    }
}

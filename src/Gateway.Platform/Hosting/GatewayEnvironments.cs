using Microsoft.Extensions.Hosting;

namespace Gateway.Platform.Hosting;

/// <summary>
/// Where developer conveniences (plain HTTP, the demo city, verification codes in a file, generated keys)
/// may run: a developer's machine (<c>Development</c>) and the test suite's hosts (<c>Testing</c>). Any
/// other environment name — Production, Staging, or a city's own — is treated as a real deployment.
/// </summary>
public static class GatewayEnvironments
{
    public const string Testing = "Testing";

    public static bool IsDevelopmentLike(this IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(Testing);
}

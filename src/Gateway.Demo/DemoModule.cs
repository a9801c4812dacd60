using Gateway.Demo.LegacyApps;
using Gateway.Demo.SampleApps;
using Gateway.Demo.Seed;
using Gateway.Demo.SignOn;
using Gateway.Platform.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gateway.Demo;

public static class DemoModule
{
    /// <summary>Starts the sample apps and seeds the demo city when <c>Demo:Enabled</c> is true; does nothing otherwise.</summary>
    public static IHostApplicationBuilder AddDemoCity(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        if (!builder.Environment.IsDevelopmentLike())
        {
            // The demo creates accounts with known roles and runs sample apps on this machine's ports.
            throw new InvalidOperationException(
                $"Demo:Enabled is for a developer machine only and is refused in the {builder.Environment.EnvironmentName} environment. Set Demo:Enabled=false.");
        }

        // Order matters: hosted services start in registration order, after the catalogue's first load.
        var endpoints = new DemoEndpoints();
        endpoints.Configure(builder.Configuration, builder.Configuration);
        builder.Services.AddSingleton(endpoints);
        builder.Services.AddSingleton<DemoLegacyApps>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoLegacyApps>());
        builder.Services.AddSingleton(options);
        builder.Services.AddHostedService<DemoClerk>();
        builder.Services.AddSingleton<SampleAgencyApps>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SampleAgencyApps>());
        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddSingleton<DemoSignOn>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoSignOn>());
        builder.Services.AddHostedService<DemoBanner>();
        return builder;
    }
}

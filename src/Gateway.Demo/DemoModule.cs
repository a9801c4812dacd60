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
    /// <summary>
    /// The settings the demo city gives the modules (how often adapter services are polled, which one answers
    /// the NIK check), unless configuration says otherwise. Called before the modules are added: some of them
    /// decide what to register from their settings.
    /// </summary>
    public static IHostApplicationBuilder AddDemoCitySettings(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() is { Enabled: true })
        {
            DemoEndpoints.Configure(builder.Configuration, builder.Configuration);
        }

        return builder;
    }

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

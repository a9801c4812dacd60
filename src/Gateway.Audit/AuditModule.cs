using Gateway.Audit.Api;
using Gateway.Audit.Chain;
using Gateway.Audit.Persistence;
using Gateway.Platform.Database;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Gateway.Audit;

/// <summary>The audit module: one call to register it, one to map it. Modules write records through Platform's AuditTrail.</summary>
public static class AuditModule
{
    public const string DatabaseName = "audit";

    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDatabase<AuditDbContext, SqliteAuditDbContext, PostgresAuditDbContext>(DatabaseName);
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AuditPruner>();
        builder.Services.AddSingleton<AuditSealer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditSealer>());
        return builder;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAdminGroup().MapAuditAdminApi();
        return endpoints;
    }
}

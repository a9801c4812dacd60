using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Platform.Database;

public static class ModuleDatabaseExtensions
{
    /// <summary>
    /// Registers a module's DbContext on the configured provider. Each provider has its own derived
    /// context type so that its migrations (SQL dialects differ) live in their own folder; the module
    /// resolves <typeparamref name="TContext"/> and never sees which one it got. EF interceptors registered
    /// in the container (e.g. the outbox's wake-up signal) apply to every module's context. Contexts are
    /// pooled: the outbox and inbox create one per event, and creating them cost more than their inserts.
    /// </summary>
    /// <param name="module">Short module name; names the migrations history table (<c>__migrations_{module}</c>).</param>
    public static IHostApplicationBuilder AddModuleDatabase<TContext, TSqliteContext, TPostgresContext>(
        this IHostApplicationBuilder builder, string module)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TPostgresContext : TContext
    {
        var connection = DatabaseConnection.Resolve(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(connection);

        if (connection.Provider == DatabaseProvider.Sqlite)
        {
            builder.Services.AddDbContextPool<TContext, TSqliteContext>((sp, o) => o
                .UseModuleSqlite(connection.ConnectionString, module)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            builder.Services.AddDbContextPool<TContext, TPostgresContext>((sp, o) => o
                .UseModulePostgres(connection.ConnectionString, module)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
        }

        builder.Services.AddSingleton(new ModuleDatabase(module, typeof(TContext)));
        var unreachable = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.UnreachableStatus == DatabaseUnreachableStatus.Unhealthy
            ? HealthStatus.Unhealthy
            : HealthStatus.Degraded;
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"database-{module}",
            sp => ActivatorUtilities.CreateInstance<DatabaseReadinessCheck<TContext>>(sp, unreachable),
            failureStatus: HealthStatus.Unhealthy,
            tags: [HealthTags.Ready]));
        return builder;
    }

    public static DbContextOptionsBuilder UseModuleSqlite(this DbContextOptionsBuilder options, string connectionString, string module) =>
        options.UseSqlite(connectionString, s => s.MigrationsHistoryTable($"__migrations_{module}"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(SqliteConnectionSettings.Instance);

    public static DbContextOptionsBuilder<T> UseModuleSqlite<T>(this DbContextOptionsBuilder<T> options, string connectionString, string module)
        where T : DbContext
    {
        ((DbContextOptionsBuilder)options).UseModuleSqlite(connectionString, module);
        return options;
    }

    public static DbContextOptionsBuilder<T> UseModulePostgres<T>(this DbContextOptionsBuilder<T> options, string connectionString, string module)
        where T : DbContext
    {
        ((DbContextOptionsBuilder)options).UseModulePostgres(connectionString, module);
        return options;
    }

    public static DbContextOptionsBuilder UseModulePostgres(this DbContextOptionsBuilder options, string connectionString, string module) =>
        options.UseNpgsql(connectionString, s => s.MigrationsHistoryTable($"__migrations_{module}")
                // A failover or a dropped connection is retried; a database that stays away is reported within
                // seconds (a write answers 503) instead of the default's minute of retries.
                .EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null))
            .UseSnakeCaseNamingConvention()
            // While PostgreSQL is away EF would log an Error for every failed connection attempt (over a hundred
            // in 20 s); each caller logs once what the failure meant to it (a 503 answered, a poll postponed).
            .ConfigureWarnings(w => w.Log((RelationalEventId.ConnectionError, LogLevel.Debug)));
}

/// <summary>A module's database registration, so the migrator knows what to migrate.</summary>
public sealed record ModuleDatabase(string Module, Type ContextType);

public static class HealthTags
{
    /// <summary>Checks that decide <c>/healthz/ready</c>.</summary>
    public const string Ready = "ready";
}

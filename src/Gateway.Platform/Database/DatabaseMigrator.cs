using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Platform.Database;

/// <summary>
/// Applies every module's pending migrations before any other hosted service starts
/// (<see cref="IHostedLifecycleService.StartingAsync"/>), so loaders and seeders find their tables.
/// </summary>
internal sealed partial class DatabaseMigrator(
    IServiceProvider services,
    IEnumerable<ModuleDatabase> modules,
    DatabaseConnection connection,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseMigrator> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            LogSkipped(logger);
            return;
        }

        PrepareSqliteFile();
        foreach (var module in modules)
        {
            await using var scope = services.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            LogApplying(logger, pending.Count, module.Module, connection.Provider);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    private void PrepareSqliteFile()
    {
        if (connection.SqliteFile is not { } file || file == ":memory:")
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // WAL lets the catalogue API read while the health recorder writes; it is a persistent file setting.
        using var sqlite = new SqliteConnection(connection.ConnectionString);
        sqlite.Open();
        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) to the {Module} tables on {Provider}")]
    private static partial void LogApplying(ILogger logger, int count, string module, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database:MigrateOnStartup is false: the schema must already be up to date")]
    private static partial void LogSkipped(ILogger logger);
}

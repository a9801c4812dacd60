using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Platform.Database;

/// <summary>
/// A module's database in <c>/healthz/ready</c>: healthy when a connection opens; when the server cannot
/// be reached, <see cref="DatabaseOptions.UnreachableStatus"/> (degraded by default, so a database restart
/// does not take every replica out of rotation at once); unhealthy when it answers with an error (the
/// database is missing or the login refused: no waiting fixes that).
/// </summary>
internal sealed class DatabaseReadinessCheck<TContext>(TContext db, HealthStatus unreachableStatus) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A round trip, not just an open: the pool hands out idle connections the server may have cut.
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (DatabaseErrors.IsUnreachable(e))
        {
            return new HealthCheckResult(unreachableStatus, "The database cannot be reached; proxying goes on from memory, writes answer 503.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database answered with an error.", e);
        }
    }
}

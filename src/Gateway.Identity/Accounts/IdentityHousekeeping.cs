using Gateway.Platform.Hosting;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Gateway.Identity.Accounts;

/// <summary>
/// Keeps the identity tables from growing without end: OpenIddict's spent tokens and authorizations
/// (redeemed, revoked or expired, older than <see cref="TokensKeptFor"/>; valid ones are never touched)
/// and citizens' sign-ups never verified within <see cref="Registration.UnverifiedKeptFor"/>. Runs every
/// <c>Identity:HousekeepingMinutes</c>; on several instances at once the deletes simply overlap.
/// </summary>
internal sealed partial class IdentityHousekeeping(
    IServiceScopeFactory scopes,
    IOptions<SignOnOptions> options,
    TimeProvider time,
    ILogger<IdentityHousekeeping> logger) : BackgroundService
{
    /// <summary>Spent tokens stay this long (OpenIddict's own default), to trace a replayed refresh token.</summary>
    internal static readonly TimeSpan TokensKeptFor = TimeSpan.FromDays(14);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.HousekeepingMinutes));
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.NextTickOrStopAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var now = time.GetUtcNow();
        var tokens = await services.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(now - TokensKeptFor, cancellationToken);
        var authorizations = await services.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(now - TokensKeptFor, cancellationToken);
        var signUps = await RemoveUnverifiedSignUpsAsync(services.GetRequiredService<UserManager<GatewayUser>>(), now, cancellationToken);
        if (tokens + authorizations + signUps > 0)
        {
            LogPruned(logger, tokens, authorizations, signUps);
        }
    }

    /// <summary>
    /// A citizen's own sign-up carries an e-mail or phone to verify; an account an administrator made is
    /// confirmed at creation or has no contact at all, so it never matches.
    /// </summary>
    private static async Task<int> RemoveUnverifiedSignUpsAsync(UserManager<GatewayUser> users, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.UtcDateTime - Registration.UnverifiedKeptFor;
        var citizens = await users.GetUsersInRoleAsync(Roles.Citizen);
        var stale = citizens
            .Where(u => !u.EmailConfirmed && !u.PhoneNumberConfirmed && (u.Email != null || u.PhoneNumber != null) && u.CreatedAt < cutoff)
            .ToList();
        foreach (var user in stale)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await users.DeleteAsync(user);
        }

        return stale.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Identity housekeeping removed {Tokens} spent token(s), {Authorizations} authorization(s) and {SignUps} unverified sign-up(s)")]
    private static partial void LogPruned(ILogger logger, long tokens, long authorizations, int signUps);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity housekeeping failed; it runs again at its next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

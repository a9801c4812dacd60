using System.Collections.Frozen;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Gateway.Identity.Persistence;
using Gateway.Platform.Hosting;
using Gateway.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Gateway.Identity.Accounts;

/// <summary>
/// What every replica knows, a few seconds old at most, about officers' and administrators' accounts:
/// their current security stamp and whether they are disabled. Staff tokens and the staff cookie are
/// checked against it on every request — an in-memory lookup — so disabling an account or signing it out
/// everywhere ends its access within <c>Identity:StaffCheckSeconds</c>, not when its 15-minute token
/// expires. Citizens' tokens are not checked this way (their reach is their own data).
/// </summary>
public sealed partial class StaffAccounts(
    IServiceScopeFactory scopes,
    IOptions<SignOnOptions> options,
    TimeProvider time,
    ILogger<StaffAccounts> logger) : BackgroundService
{
    private volatile FrozenDictionary<Guid, Account> _current = FrozenDictionary<Guid, Account>.Empty;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Account?> _lateArrivals = new();

    /// <summary>A short, one-way fingerprint of a security stamp (tokens carry this, never the stamp).</summary>
    public static string StampOf(string? securityStamp) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(securityStamp ?? string.Empty)), 0, 8);

    /// <summary>True unless <paramref name="user"/> is staff whose account was disabled, deleted or signed out since the token or cookie was issued.</summary>
    public ValueTask<bool> StillValidAsync(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Officer))
        {
            return ValueTask.FromResult(true);
        }

        var stamp = user.FindFirst(GatewayClaims.SessionStamp)?.Value
            ?? (user.FindFirst("AspNet.Identity.SecurityStamp")?.Value is { } raw ? StampOf(raw) : null);
        if (stamp is null || !Guid.TryParse(user.FindFirst(Claims.Subject)?.Value, out var id))
        {
            return ValueTask.FromResult(false);
        }

        // Known (the usual case): a lookup. Not known: made staff since the last refresh, or deleted —
        // the database says which, and the answer is kept until the next refresh.
        if (_current.TryGetValue(id, out var known))
        {
            return ValueTask.FromResult(Valid(known, stamp));
        }

        return _lateArrivals.TryGetValue(id, out var late) ? ValueTask.FromResult(Valid(late, stamp)) : LookUpAsync(id, stamp);
    }

    private bool Valid(Account? account, string stamp) =>
        account is not null && account.Stamp == stamp && (account.LockedUntil is null || account.LockedUntil <= time.GetUtcNow());

    private async ValueTask<bool> LookUpAsync(Guid id, string stamp)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.SecurityStamp, u.LockoutEnd }).SingleOrDefaultAsync();
        var account = row is null ? null : new Account(StampOf(row.SecurityStamp), row.LockoutEnd);
        _lateArrivals[id] = account;
        return Valid(account, stamp);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.StaffCheckSeconds), time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The last view stands; a database away for a moment must not lock staff out.
                LogRefreshFailed(logger, e);
            }
        }
        while (await timer.NextTickOrStopAsync(stoppingToken));
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        var staffRoles = await db.Roles.Where(r => r.Name == Roles.Admin || r.Name == Roles.Officer).Select(r => r.Id).ToListAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoles.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.SecurityStamp, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        _current = rows.ToFrozenDictionary(r => r.Id, r => new Account(StampOf(r.SecurityStamp), r.LockoutEnd));
        _lateArrivals.Clear();
    }

    private sealed record Account(string Stamp, DateTimeOffset? LockedUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the staff accounts' state; the previous one stands")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

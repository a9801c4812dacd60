using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace Gateway.Identity.Accounts;

/// <summary>Ends every session of an account: its tokens and app permissions revoked, its cookies invalid at their next check.</summary>
public sealed class AccountSessions(
    UserManager<GatewayUser> users,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations)
{
    public async Task EndAllAsync(GatewayUser user, CancellationToken cancellationToken)
    {
        var subject = user.Id.ToString();
        await foreach (var token in tokens.FindBySubjectAsync(subject, cancellationToken))
        {
            await tokens.TryRevokeAsync(token, cancellationToken);
        }

        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, cancellationToken))
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
        }

        // A new security stamp: cookies fail their next check, staff access tokens within seconds (StaffAccounts).
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>Disabled: cannot sign in, and every session ends. <see cref="EnableAsync"/> undoes the first part only.</summary>
    public async Task DisableAsync(GatewayUser user, CancellationToken cancellationToken)
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await EndAllAsync(user, cancellationToken);
    }

    public async Task EnableAsync(GatewayUser user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }
}

using Microsoft.AspNetCore.Identity;

namespace Gateway.Identity.Accounts;

/// <summary>An account may sign in once its e-mail or its phone number is verified (either one).</summary>
internal sealed class AccountConfirmation : IUserConfirmation<GatewayUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<GatewayUser> manager, GatewayUser user) =>
        Task.FromResult(user.EmailConfirmed || user.PhoneNumberConfirmed);
}

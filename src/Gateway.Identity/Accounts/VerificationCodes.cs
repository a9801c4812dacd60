using Gateway.Identity.Verification;
using Microsoft.AspNetCore.Identity;

namespace Gateway.Identity.Accounts;

/// <summary>
/// Six-digit one-time codes (ASP.NET Core Identity's time-based tokens, valid a few minutes), sent to
/// the account's e-mail, or its phone when it has no e-mail. A wrong code counts as a failed sign-in,
/// so guessing locks the account like guessing a password does.
/// </summary>
public sealed class VerificationCodes(UserManager<GatewayUser> users, IVerificationSender sender)
{
    public async Task SendAsync(GatewayUser user, VerificationPurpose purpose, CancellationToken cancellationToken)
    {
        var code = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultEmailProvider, PurposeName(purpose));
        var (channel, recipient) = user.Email is { Length: > 0 } email
            ? (VerificationChannel.Email, email)
            : (VerificationChannel.Phone, user.PhoneNumber ?? throw new InvalidOperationException("The account has neither e-mail nor phone."));
        await sender.SendAsync(new VerificationMessage(channel, recipient, code, purpose, user.PreferredLanguage), cancellationToken);
    }

    public async Task<bool> CheckAsync(GatewayUser user, VerificationPurpose purpose, string? code)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return false;
        }

        var trimmed = code?.Trim() ?? string.Empty;
        if (trimmed.Length > 0 && await users.VerifyUserTokenAsync(user, TokenOptions.DefaultEmailProvider, PurposeName(purpose), trimmed))
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }

        await users.AccessFailedAsync(user);
        return false;
    }

    /// <summary>Where the code went, masked for the page (<c>bu***@example.org</c>).</summary>
    public static string MaskedDestination(GatewayUser user)
    {
        if (user.Email is { Length: > 0 } email)
        {
            var at = email.IndexOf('@', StringComparison.Ordinal);
            return at <= 2 ? "***" + email[at..] : email[..2] + "***" + email[at..];
        }

        var phone = user.PhoneNumber ?? string.Empty;
        return phone.Length > 4 ? new string('*', phone.Length - 4) + phone[^4..] : "***";
    }

    private static string PurposeName(VerificationPurpose purpose) => purpose.ToString();
}

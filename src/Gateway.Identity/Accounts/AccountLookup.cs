using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Identity.Accounts;

/// <summary>Finds an account by what a person types to sign in: NIK, e-mail or phone number.</summary>
public sealed class AccountLookup(UserManager<GatewayUser> users)
{
    public async Task<GatewayUser?> FindAsync(string? login, CancellationToken cancellationToken)
    {
        var value = login?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Contains('@', StringComparison.Ordinal))
        {
            return await users.FindByEmailAsync(value);
        }

        if (value.Length == Nik.Length && value.All(char.IsAsciiDigit))
        {
            // Several accounts may claim a NIK: its verified holder signs in with it, or its only claimant.
            var holders = await users.Users.Where(u => u.Nik == value)
                .OrderByDescending(u => u.NikVerifiedAt != null).Take(2).ToListAsync(cancellationToken);
            return holders.Count == 1 || (holders.Count > 1 && holders[0].HasVerifiedNik) ? holders[0] : null;
        }

        if (PhoneNumbers.Normalize(value) is { } phone)
        {
            return await users.Users.FirstOrDefaultAsync(u => u.PhoneNumber == phone, cancellationToken);
        }

        return await users.FindByNameAsync(value);
    }
}

/// <summary>Indonesian mobile numbers in one form (<c>+628…</c>), however they were typed.</summary>
public static class PhoneNumbers
{
    /// <summary>The number as <c>+62…</c>, or null when it is not an Indonesian mobile number.</summary>
    public static string? Normalize(string? value)
    {
        var digits = new string((value ?? string.Empty).Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        if (digits.StartsWith("+62", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.StartsWith("62", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        else if (digits.StartsWith('0'))
        {
            digits = digits[1..];
        }

        return digits.Length is >= 9 and <= 12 && digits[0] == '8' && digits.All(char.IsAsciiDigit) ? "+62" + digits : null;
    }
}

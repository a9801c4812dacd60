using Microsoft.AspNetCore.Identity;

namespace Gateway.Identity.Accounts;

/// <summary>
/// Refuses passwords that are, or are built on, a commonly chosen one (breach lists and Indonesian
/// favourites), or that contain the account's own NIK, e-mail name or phone number.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<GatewayUser>
{
    private static readonly HashSet<string> Common = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<GatewayUser> manager, GatewayUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = "common" }));
        }

        var personal = new[] { user.Nik, user.PhoneNumber?.TrimStart('+'), user.Email?.Split('@')[0] }
            .Where(p => p is { Length: >= 4 });
        if (personal.Any(p => password.Contains(p!, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsPersonalData", Description = "personal" }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    internal static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var stem = lower.TrimEnd("0123456789!@#$%^&*.?_-".ToCharArray());
        return Common.Contains(lower) || (stem.Length > 0 && Common.Contains(stem))
            || lower.Distinct().Count() <= 2;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Gateway.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded common-passwords list is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}

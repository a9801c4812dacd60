using System.Net.Mail;
using Gateway.Identity.Persistence;
using Gateway.Platform.Database;
using Gateway.Platform.Localization;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Identity.Accounts;

public sealed record RegistrationInput(string? Nik, string? FullName, string? Email, string? Phone, string? Password, string? ConfirmPassword, string Language);

/// <summary>
/// Citizen sign-up: checks every field (each failure named) and creates an unconfirmed account with the
/// citizen role; the code sent to the e-mail or phone confirms it. The NIK stays only <em>claimed</em>:
/// a code proves who reads that mailbox, not whose NIK it is. It becomes verified at a counter or by the
/// civil registry (<see cref="NikVerification"/>), and only then does it reach agencies. A NIK someone
/// else claims does not stop a registration (the page must not tell strangers who has an account); its
/// verified owner, if any, is told that someone tried.
/// </summary>
public sealed class Registration(
    UserManager<GatewayUser> users,
    IdentityStoreDbContext db,
    NikVerification nikVerification,
    IOptions<SignOnOptions> options,
    TimeProvider time)
{
    /// <summary>How long a sign-up may wait for its verification before it is removed (and its NIK, e-mail and phone freed).</summary>
    internal static readonly TimeSpan UnverifiedKeptFor = TimeSpan.FromHours(1);

    public async Task<(GatewayUser? User, IReadOnlyList<FieldError> Errors)> RegisterAsync(RegistrationInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var now = time.GetUtcNow();
        var nik = Nik.Check(input.Nik, DateOnly.FromDateTime(now.UtcDateTime));
        if (!nik.IsValid)
        {
            errors.Add(new("nik", nik.Error!.Value));
        }

        var fullName = input.FullName?.Trim() ?? string.Empty;
        if (fullName.Length is < 2 or > 200)
        {
            errors.Add(new("fullName", new BilingualText("Isi nama lengkap sesuai KTP (2–200 karakter).", "Enter your full name as on your ID card (2–200 characters).")));
        }

        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (email is not null && (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Length > 200))
        {
            errors.Add(new("email", new BilingualText("Alamat e-mail tidak valid.", "The e-mail address is not valid.")));
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            phone = PhoneNumbers.Normalize(input.Phone);
            if (phone is null)
            {
                errors.Add(new("phone", new BilingualText("Nomor HP tidak valid (contoh: 0812 3456 7890).", "The mobile number is not valid (e.g. 0812 3456 7890).")));
            }
        }
        else if (email is null)
        {
            errors.Add(new("email", new BilingualText("Isi e-mail atau nomor HP untuk menerima kode verifikasi.", "Enter an e-mail or a mobile number to receive the verification code.")));
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add(new("password", new BilingualText("Isi kata sandi.", "Enter a password.")));
        }
        else if (input.Password != input.ConfirmPassword)
        {
            errors.Add(new("confirmPassword", new BilingualText("Kedua kata sandi tidak sama.", "The two passwords differ.")));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await RemoveStaleSignUpsAsync(nik.Value!, email, phone, now, cancellationToken);
        if (phone is not null && await users.Users.AnyAsync(u => u.PhoneNumber == phone, cancellationToken))
        {
            errors.Add(new("phone", new BilingualText("Nomor HP ini sudah dipakai akun lain.", "This mobile number is already used by another account.")));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var user = new GatewayUser
        {
            // Not the NIK: several accounts may claim one NIK, and user names are unique.
            UserName = "warga-" + Guid.NewGuid().ToString("N"),
            Nik = nik.Value,
            FullName = fullName,
            Email = email,
            PhoneNumber = phone,
            PreferredLanguage = input.Language,
            CreatedAt = now.UtcDateTime,
        };
        // The account and its role in one transaction: never an account without a role.
        var created = await db.InTransactionAsync(async () =>
        {
            var result = await users.CreateAsync(user, input.Password!);
            return result.Succeeded ? await users.AddToRoleAsync(user, Roles.Citizen) : result;
        }, result => result.Succeeded, cancellationToken);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Select(e => AccountMessages.ToFieldError(e, options.Value.Passwords.MinimumLength)).DistinctBy(e => e.Field).ToList());
        }

        if (await users.Users.FirstOrDefaultAsync(u => u.Id != user.Id && u.Nik == user.Nik && u.NikVerifiedAt != null, cancellationToken) is { } owner)
        {
            await nikVerification.NotifyAsync(owner, Verification.VerificationPurpose.NikClaimedByAnother, cancellationToken);
        }

        return (user, []);
    }

    /// <summary>Marks the account confirmed (its e-mail or phone). The NIK stays claimed.</summary>
    public async Task CompleteVerificationAsync(GatewayUser user)
    {
        if (user.EmailConfirmed || user.PhoneNumberConfirmed)
        {
            return;
        }

        if (user.Email is not null)
        {
            user.EmailConfirmed = true;
        }
        else
        {
            user.PhoneNumberConfirmed = true;
        }

        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not confirm the account: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }

    private async Task RemoveStaleSignUpsAsync(string nik, string? email, string? phone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.UtcDateTime - UnverifiedKeptFor;
        var normalizedEmail = email is null ? null : users.NormalizeEmail(email);
        var stale = await users.Users
            .Where(u => !u.EmailConfirmed && !u.PhoneNumberConfirmed && u.CreatedAt < cutoff
                && (u.Nik == nik || (normalizedEmail != null && u.NormalizedEmail == normalizedEmail) || (phone != null && u.PhoneNumber == phone)))
            .ToListAsync(cancellationToken);
        foreach (var user in stale)
        {
            await users.DeleteAsync(user);
        }
    }
}

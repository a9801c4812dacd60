using Gateway.Identity.Events;
using Gateway.Identity.Persistence;
using Gateway.Identity.Verification;
using Gateway.Platform.Audit;
using Gateway.Platform.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gateway.Identity.Accounts;

public enum NikVerificationOutcome
{
    /// <summary>The NIK is now verified on the account.</summary>
    Verified,

    /// <summary>It already was: nothing changed.</summary>
    AlreadyVerified,

    /// <summary>Another account holds this NIK verified; never moved by this path (account recovery is).</summary>
    HeldByAnother,
}

/// <summary>
/// Raises a citizen's NIK from claimed to verified — after an officer saw the KTP at a counter, or the
/// civil registry matched it — recording how and by whom. Accounts that merely claimed the same NIK lose
/// it (and are told why); the first verification announces the citizen to agencies
/// (<c>CitizenRegistered</c>), since only now do they learn a NIK that is really this person's. The audit
/// trail records who verified it, and at a counter that the officer acted for the resident.
/// </summary>
public sealed partial class NikVerification(
    UserManager<GatewayUser> users,
    IdentityStoreDbContext db,
    AccountEvents events,
    AuditTrail trail,
    IVerificationSender sender,
    TimeProvider time,
    ILogger<NikVerification> logger)
{
    public const string Counter = "counter";
    public const string Registry = "registry";

    public async Task<NikVerificationOutcome> VerifyAsync(GatewayUser user, string nik, string method, string verifiedBy, CancellationToken cancellationToken)
    {
        if (user.HasVerifiedNik && user.Nik == nik)
        {
            return NikVerificationOutcome.AlreadyVerified;
        }

        if (await users.Users.AnyAsync(u => u.Id != user.Id && u.Nik == nik && u.NikVerifiedAt != null, cancellationToken))
        {
            return NikVerificationOutcome.HeldByAnother;
        }

        var claimants = await users.Users.Where(u => u.Id != user.Id && u.Nik == nik).ToListAsync(cancellationToken);
        var firstVerification = !user.HasVerifiedNik;
        try
        {
            await db.InTransactionAsync(async () =>
            {
                foreach (var claimant in claimants)
                {
                    claimant.Nik = null;
                    Check(await users.UpdateAsync(claimant));
                }

                user.Nik = nik;
                user.NikVerifiedAt = time.GetUtcNow().UtcDateTime;
                user.NikVerification = method;
                user.NikVerifiedBy = verifiedBy;
                if (firstVerification)
                {
                    events.CitizenRegistered(db, user);
                }
                else
                {
                    events.CitizenProfileChanged(db, user, ["nik"]);
                }

                trail.Record(db, new AuditEntry("identity.nik.verified", "account", user.Id.ToString(),
                    AuditSummary.Facts(new { method, verifiedBy, claimsRemoved = claimants.Count }))
                {
                    DataSubject = user.Id.ToString(),
                    // At a counter an officer acts for the resident, who sees on their own page who did it.
                    OnBehalfOf = method == Counter ? user.Id.ToString() : null,
                    // The registry matched the NIK, name and birth date the resident gave it.
                    Recipient = method == Registry ? verifiedBy : null,
                });
                Check(await users.UpdateAsync(user)); // saves the account, its event and its audit record
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two verifications of one NIK at once: the unique index kept the second out.
            db.ChangeTracker.Clear();
            return NikVerificationOutcome.HeldByAnother;
        }

        LogVerified(logger, user.Id, method, claimants.Count);
        foreach (var claimant in claimants)
        {
            await NotifyAsync(claimant, VerificationPurpose.NikTakenByOwner, cancellationToken);
        }

        return NikVerificationOutcome.Verified;
    }

    /// <summary>Tells an account's owner something about their NIK; a failed delivery is logged, never fatal.</summary>
    public async Task NotifyAsync(GatewayUser user, VerificationPurpose notice, CancellationToken cancellationToken)
    {
        var (channel, recipient) = user.Email is { Length: > 0 } email ? (VerificationChannel.Email, email)
            : user.PhoneNumber is { Length: > 0 } phone ? (VerificationChannel.Phone, phone)
            : (VerificationChannel.Email, string.Empty);
        if (recipient.Length == 0)
        {
            return;
        }

        try
        {
            await sender.SendAsync(new VerificationMessage(channel, recipient, string.Empty, notice, user.PreferredLanguage), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNoticeFailed(logger, e, user.Id, notice);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not update the account: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "NIK of account {AccountId} verified ({Method}); {Claimants} other account(s) lost their claim to it")]
    private static partial void LogVerified(ILogger logger, Guid accountId, string method, int claimants);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the {Notice} notice to account {AccountId}")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, Guid accountId, VerificationPurpose notice);
}

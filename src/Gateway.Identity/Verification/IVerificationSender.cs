namespace Gateway.Identity.Verification;

/// <summary>
/// Delivers a one-time code, or a notice about their account, to a person. Pluggable: the embedded
/// default writes to a local file; SMTP by configuration; a city plugs its SMS gateway by registering its
/// own implementation.
/// </summary>
public interface IVerificationSender
{
    Task SendAsync(VerificationMessage message, CancellationToken cancellationToken);
}

/// <param name="Channel">How <paramref name="Recipient"/> is reached.</param>
/// <param name="Code">The one-time code; empty for a notice.</param>
/// <param name="Purpose">What the code is for (or what the notice is about), shown in the message.</param>
/// <param name="Language"><c>id</c> or <c>en</c>.</param>
public sealed record VerificationMessage(VerificationChannel Channel, string Recipient, string Code, VerificationPurpose Purpose, string Language);

public enum VerificationChannel
{
    Email,
    Phone,
}

public enum VerificationPurpose
{
    VerifyAccount,
    ResetPassword,

    /// <summary>Notice: the NIK this account claimed was verified by its owner and left this account.</summary>
    NikTakenByOwner,

    /// <summary>Notice to a NIK's verified owner: someone registered another account with it.</summary>
    NikClaimedByAnother,
}

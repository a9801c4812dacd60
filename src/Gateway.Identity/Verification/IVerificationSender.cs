namespace Gateway.Identity.Verification;

/// <summary>
/// Delivers a one-time code, a notice about their account, or news of their request or complaint, to a person. Pluggable: the embedded
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
public sealed record VerificationMessage(VerificationChannel Channel, string Recipient, string Code, VerificationPurpose Purpose, string Language)
{
    /// <summary>For <see cref="VerificationPurpose.StatusUpdate"/>: the headline, already in the recipient's language.</summary>
    public string? Headline { get; init; }

    /// <summary>For <see cref="VerificationPurpose.StatusUpdate"/>: what the agency said, if anything.</summary>
    public string? Detail { get; init; }
}

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

    /// <summary>News of one of their requests or complaints (a new status, the agency's answer).</summary>
    StatusUpdate,
}

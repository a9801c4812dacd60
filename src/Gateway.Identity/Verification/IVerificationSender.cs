namespace Gateway.Identity.Verification;

/// <summary>
/// Delivers a one-time code to a person. Pluggable: the embedded default writes to a local file and
/// the log; SMTP by configuration; a city plugs its SMS gateway by registering its own implementation.
/// </summary>
public interface IVerificationSender
{
    Task SendAsync(VerificationMessage message, CancellationToken cancellationToken);
}

/// <param name="Channel">How <paramref name="Recipient"/> is reached.</param>
/// <param name="Purpose">What the code is for, shown in the message.</param>
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
}

using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gateway.Identity.Verification;

/// <summary>Sends codes by e-mail through an SMTP server (MailKit). Phone numbers need an SMS sender of the city's own.</summary>
internal sealed partial class SmtpVerificationSender(IOptions<SignOnOptions> options, ILogger<SmtpVerificationSender> logger) : IVerificationSender
{
    private readonly SmtpOptions _smtp = options.Value.Verification.Smtp;

    public async Task SendAsync(VerificationMessage message, CancellationToken cancellationToken)
    {
        if (message.Channel != VerificationChannel.Email)
        {
            LogNoSms(logger, message.Recipient);
            throw new InvalidOperationException("The SMTP sender delivers e-mail only; register an SMS IVerificationSender for phone numbers.");
        }

        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(_smtp.From));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Subject = VerificationTexts.Subject(message);
        mail.Body = new TextPart("plain") { Text = VerificationTexts.Body(message) };

        using var client = new SmtpClient();
        var security = !_smtp.UseTls ? SecureSocketOptions.None
            : _smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(_smtp.Host, _smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_smtp.Username))
        {
            await client.AuthenticateAsync(_smtp.Username, _smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot send a verification code to phone {Recipient}: the SMTP sender has no SMS channel")]
    private static partial void LogNoSms(ILogger logger, string recipient);
}

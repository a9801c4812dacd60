using Gateway.Platform.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Identity.Verification;

/// <summary>
/// The embedded default: appends each message to a local file and writes it to the log, so a demo or
/// a developer machine works without a mail server. Not for production — codes are readable there.
/// </summary>
internal sealed partial class FileVerificationSender(
    IOptions<SignOnOptions> options,
    IOptions<StorageOptions> storage,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<FileVerificationSender> logger) : IVerificationSender
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string FilePath { get; } = Path.Combine(
        storage.Value.ResolveDataDirectory(environment.ContentRootPath), options.Value.Verification.File);

    public async Task SendAsync(VerificationMessage message, CancellationToken cancellationToken)
    {
        var line = $"{time.GetUtcNow():O}\t{message.Channel}\t{message.Recipient}\t{message.Purpose}\t{message.Code}\t{VerificationTexts.Body(message)}{Environment.NewLine}";
        await Gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await File.AppendAllTextAsync(FilePath, line, cancellationToken);
        }
        finally
        {
            Gate.Release();
        }

        LogSent(logger, message.Purpose, message.Channel, message.Recipient, message.Code, FilePath);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Verification code ({Purpose}) for {Channel} {Recipient}: {Code} (file sender, also in {File}; configure Identity:Verification:Sender=Smtp for real delivery)")]
    private static partial void LogSent(ILogger logger, VerificationPurpose purpose, VerificationChannel channel, string recipient, string code, string file);
}

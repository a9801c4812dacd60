using Gateway.Platform.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Identity.Verification;

/// <summary>
/// The embedded default for a developer machine and the demo: appends each message to a local file, so
/// they work without a mail server. The log says a message was written and where, never the code: logs
/// are shipped and read more widely than a file. Refused outside Development (codes are readable there).
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
        var line = $"{time.GetUtcNow():O}\t{message.Channel}\t{message.Recipient}\t{message.Purpose}\t{message.Code}\t{VerificationTexts.Body(message).ReplaceLineEndings(" ")}{Environment.NewLine}";
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

        LogWritten(logger, message.Purpose, message.Channel, FilePath);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Verification message ({Purpose}, {Channel}) written to {File} (file sender; configure Identity:Verification:Sender=Smtp for real delivery)")]
    private static partial void LogWritten(ILogger logger, VerificationPurpose purpose, VerificationChannel channel, string file);
}

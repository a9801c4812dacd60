using Gateway.Identity.Persistence;
using Gateway.Identity.Verification;
using Gateway.Platform.Hosting;
using Gateway.Platform.Localization;
using Gateway.Platform.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Identity.Notices;

/// <summary>
/// Sends the notices the modules wrote (a request's new status, a complaint's answer) to each citizen's
/// e-mail, or their phone where that is all they gave, in their language, through the same pluggable
/// sender as verification codes (SMTP, the file of the demo, or a city's SMS gateway). A notice that cannot
/// be sent is tried again at the next round, up to <c>Identity:Notices:MaxSendAttempts</c>; it stays on the
/// citizen's list either way. A citizen without e-mail or phone only has the list.
/// </summary>
internal sealed partial class NoticeSender(
    IServiceScopeFactory scopes, IVerificationSender sender, IOptions<NoticeOptions> options, TimeProvider time, ILogger<NoticeSender> logger)
    : BackgroundService
{
    private const int Batch = 50;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => BatchedSweep.RunAsync(
        TimeSpan.FromSeconds(options.Value.SendIntervalSeconds), time, Batch, SendBatchAsync, ex => LogRoundFailed(logger, ex), stoppingToken);

    /// <returns>How many notices were handled (sent, or given up on).</returns>
    internal async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        var due = await db.Set<CitizenNotice>()
            .Where(n => n.SentAt == null && n.SendAttempts < options.Value.MaxSendAttempts)
            .OrderBy(n => n.Id).Take(Batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var citizens = due.Select(n => n.CitizenId).Distinct().ToList();
        var contacts = await db.Users.AsNoTracking().Where(u => citizens.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.PhoneNumber, u.PreferredLanguage })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var notice in due)
        {
            notice.SendAttempts++;
            if (!contacts.TryGetValue(notice.CitizenId, out var contact)
                || (contact.Email, contact.PhoneNumber) is (null or "", null or ""))
            {
                notice.SendAttempts = options.Value.MaxSendAttempts; // nowhere to send it: the portal list only
                continue;
            }

            var english = contact.PreferredLanguage == Languages.English;
            var (channel, recipient) = contact.Email is { Length: > 0 } email ? (VerificationChannel.Email, email) : (VerificationChannel.Phone, contact.PhoneNumber!);
            try
            {
                await sender.SendAsync(new VerificationMessage(channel, recipient, "", VerificationPurpose.StatusUpdate, contact.PreferredLanguage)
                {
                    Headline = english ? notice.TitleEn : notice.TitleId,
                    Detail = notice.Text,
                }, cancellationToken);
                notice.SentAt = time.GetUtcNow();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSendFailed(logger, notice.Id, notice.SendAttempts, e.GetBaseException().Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send notice {NoticeId} (attempt {Attempt}); it stays on the citizen's list: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, long noticeId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending citizens' notices failed; the next round tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}

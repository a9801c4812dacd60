using System.Globalization;
using Gateway.Identity.Persistence;
using Gateway.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Identity.DataAccess;

/// <summary>
/// Writes the <see cref="ForwardedDataLedger"/>'s counts to the audit trail as <c>proxy.identity.forwarded</c>
/// records — one per person, agency, service and hour counted since the last write — every
/// <c>Identity:ForwardedIdentity:RecordFlushSeconds</c> and once more when the gateway stops, so a graceful
/// shutdown loses nothing. Counts that cannot be written (the database away) are kept for the next round.
/// </summary>
internal sealed partial class ForwardedDataFlusher(
    ForwardedDataLedger ledger, IServiceScopeFactory scopes, AuditTrail trail, IOptions<SignOnOptions> options, IHostApplicationLifetime lifetime,
    ILogger<ForwardedDataFlusher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ForwardedIdentity.RecordFlushSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // What was counted since the last round is written as soon as the gateway starts stopping, while every
        // service is still there (a test host may dispose them before the hosted services' StopAsync has ended).
        lifetime.ApplicationStopping.Register(() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult());
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken); // anything counted by requests that finished while stopping
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var counts = await ledger.TakeAsync(cancellationToken);
        if (counts.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
            foreach (var ((subject, agency, service, hour, nik), count) in counts)
            {
                var from = new DateTimeOffset(hour * TimeSpan.TicksPerHour, TimeSpan.Zero);
                trail.Record(db, new AuditEntry("proxy.identity.forwarded", "service", service, AuditSummary.Facts(new
                {
                    hour = from.ToString("yyyy-MM-dd'T'HH':00Z'", CultureInfo.InvariantCulture),
                    requests = count,
                    claims = nik ? IdentityWithNik : Identity,
                }))
                {
                    DataSubject = subject,
                    Recipient = agency,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ledger.PutBack(counts);
            LogFlushFailed(logger, counts.Count, e.GetBaseException().Message);
        }
    }

    private static readonly string[] Identity = ["sub", "name", "role"];
    private static readonly string[] IdentityWithNik = ["sub", "name", "role", "nik", "nik_assurance"];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record {Count} counts of identities forwarded to agencies; they are kept for the next round: {Reason}")]
    private static partial void LogFlushFailed(ILogger logger, int count, string reason);
}

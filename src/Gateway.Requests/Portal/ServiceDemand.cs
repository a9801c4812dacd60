using Gateway.Platform.Agencies;
using Gateway.Requests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Requests.Portal;

/// <summary>
/// The services applied for most in the last 30 days, for the portal's home page. Counted at most every
/// five minutes, in the background: the home page never waits for the query, and shows the last count
/// (nothing at all until the first one is in).
/// </summary>
internal sealed partial class ServiceDemand(IServiceScopeFactory scopes, TimeProvider time, ILogger<ServiceDemand> logger) : IServiceDemand
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);
    private const int Kept = 24;

    private IReadOnlyList<string> _slugs = [];
    private DateTimeOffset _countedAt = DateTimeOffset.MinValue;
    private int _counting;

    public IReadOnlyList<string> MostRequested(int count)
    {
        if (time.GetUtcNow() - _countedAt > Freshness && Interlocked.Exchange(ref _counting, 1) == 0)
        {
            _ = Task.Run(CountAsync);
        }

        return [.. Volatile.Read(ref _slugs).Take(count)];
    }

    private async Task CountAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            var since = time.GetUtcNow().UtcDateTime - Window;
            var counts = await db.Requests.AsNoTracking()
                .Where(r => r.SubmittedAt >= since)
                .GroupBy(r => r.ServiceSlug)
                .Select(g => new { Slug = g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Count).ThenBy(g => g.Slug)
                .Take(Kept)
                .ToListAsync();
            Volatile.Write(ref _slugs, [.. counts.Select(c => c.Slug)]);
            _countedAt = time.GetUtcNow();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            CountFailed(logger, exception); // the home page keeps the last list; the next visit after five minutes tries again
            _countedAt = time.GetUtcNow();
        }
        finally
        {
            Volatile.Write(ref _counting, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the most requested services for the portal failed")]
    private static partial void CountFailed(ILogger logger, Exception exception);
}

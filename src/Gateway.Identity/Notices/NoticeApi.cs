using Gateway.Identity.Persistence;
using Gateway.Platform.Edge;
using Gateway.Platform.Localization;
using Gateway.Platform.Notices;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Identity.Notices;

/// <summary>One notice as the citizen reads it, in their language.</summary>
public sealed record NoticeView(long Id, string Topic, string Reference, string Status, string Title, string? Text, DateTimeOffset CreatedAt, bool Read, bool Sent);

/// <summary>The citizen's notices, newest first, and how many are unread.</summary>
public sealed record NoticeList(int Unread, IReadOnlyList<NoticeView> Items);

/// <summary><c>/api/me/notifications</c>: news of the citizen's requests and complaints (the portal's list; also sent by e-mail or SMS).</summary>
internal static class NoticeApi
{
    private const int MaxItems = 100;

    public static void MapNoticeApi(this IEndpointRouteBuilder endpoints)
    {
        var mine = endpoints.MapPortal().MapGroup("/api/me/notifications").WithTags("My data")
            .RequireAuthorization(Policies.Citizen);
        mine.MapGet("/", ListAsync)
            .WithSummary("News of my requests and complaints, newest first (at most 100), and how many are unread")
            .Produces<NoticeList>();
        mine.MapPost("/read", MarkReadAsync)
            .WithSummary("Mark all my notifications read")
            .Produces(StatusCodes.Status204NoContent);
    }

    private static Guid CitizenOf(HttpContext http) =>
        http.User.AccountIdOf() ?? Guid.Empty;

    private static async Task<IResult> ListAsync(HttpContext http, IdentityStoreDbContext db, CancellationToken cancellationToken)
    {
        var citizen = CitizenOf(http);
        var notices = db.Set<CitizenNotice>().AsNoTracking().Where(n => n.CitizenId == citizen);
        var unread = await notices.CountAsync(n => n.ReadAt == null, cancellationToken);
        var items = await notices.OrderByDescending(n => n.Id).Take(MaxItems).ToListAsync(cancellationToken);
        var english = Languages.PrefersEnglish();
        return TypedResults.Ok(new NoticeList(unread, [.. items.Select(n => new NoticeView(
            n.Id, n.Topic, n.Reference, n.Status, english ? n.TitleEn : n.TitleId, n.Text, n.CreatedAt, n.ReadAt is not null, n.SentAt is not null))]));
    }

    private static async Task<IResult> MarkReadAsync(HttpContext http, IdentityStoreDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var citizen = CitizenOf(http);
        var now = time.GetUtcNow();
        await db.Set<CitizenNotice>().Where(n => n.CitizenId == citizen && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}

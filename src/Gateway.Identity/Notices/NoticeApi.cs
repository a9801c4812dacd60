using Gateway.Platform.Edge;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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

    private static async Task<IResult> ListAsync(HttpContext http, NoticeReads notices, CancellationToken cancellationToken) =>
        TypedResults.Ok(await notices.ListAsync(http.User, MaxItems, cancellationToken));

    private static async Task<IResult> MarkReadAsync(HttpContext http, NoticeReads notices, CancellationToken cancellationToken)
    {
        await notices.MarkReadAsync(http.User, cancellationToken);
        return TypedResults.NoContent();
    }
}

using System.Security.Claims;
using Gateway.Identity.Persistence;
using Gateway.Platform.Localization;
using Gateway.Platform.Notices;
using Gateway.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Identity.Notices;

/// <summary>The citizen's notices, read the same way by <c>/api/me/notifications</c> and the portal's page.</summary>
public sealed class NoticeReads
{
    private readonly IdentityStoreDbContext _db;
    private readonly TimeProvider _time;

    internal NoticeReads(IdentityStoreDbContext db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    /// <summary>Newest first, at most <paramref name="max"/>, with how many are unread.</summary>
    public async Task<NoticeList> ListAsync(ClaimsPrincipal citizen, int max, CancellationToken cancellationToken)
    {
        var id = citizen.AccountIdOf() ?? Guid.Empty;
        var notices = _db.Set<CitizenNotice>().AsNoTracking().Where(n => n.CitizenId == id);
        var unread = await notices.CountAsync(n => n.ReadAt == null, cancellationToken);
        var items = await notices.OrderByDescending(n => n.Id).Take(max).ToListAsync(cancellationToken);
        var english = Languages.PrefersEnglish();
        return new NoticeList(unread, [.. items.Select(n => new NoticeView(
            n.Id, n.Topic, n.Reference, n.Status, english ? n.TitleEn : n.TitleId, n.Text, n.CreatedAt, n.ReadAt is not null, n.SentAt is not null))]);
    }

    public async Task MarkReadAsync(ClaimsPrincipal citizen, CancellationToken cancellationToken)
    {
        var id = citizen.AccountIdOf() ?? Guid.Empty;
        var now = _time.GetUtcNow();
        await _db.Set<CitizenNotice>().Where(n => n.CitizenId == id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}

using System.Security.Claims;
using Gateway.Contracts.Events.V1;
using Gateway.Platform.Agencies;
using Gateway.Platform.Security;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Requests.Api;

/// <summary>
/// How a citizen's requests are read, by the API and by the portal's pages alike: their own list, one of
/// their own with its timeline, and the minimal public view behind a tracking number and a NIK ending.
/// </summary>
public sealed class RequestReads
{
    private readonly RequestsDbContext _db;
    private readonly IServiceDirectory _services;
    private readonly TimeProvider _time;

    internal RequestReads(RequestsDbContext db, IServiceDirectory services, TimeProvider time)
    {
        _db = db;
        _services = services;
        _time = time;
    }

    /// <summary>The citizen's requests, newest first.</summary>
    public async Task<ListPage<RequestSummary>> MineAsync(ClaimsPrincipal citizen, int page, int pageSize, CancellationToken cancellationToken)
    {
        var id = citizen.AccountIdOf();
        var query = _db.Requests.AsNoTracking().Where(r => r.CitizenId == id);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(r => r.SubmittedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var now = _time.GetUtcNow().UtcDateTime;
        return new ListPage<RequestSummary>(total, page, pageSize, [.. items.Select(r => r.ToSummary(_services, now))]);
    }

    /// <summary>One of the citizen's own requests with its timeline and documents; null for an unknown number or anyone else's.</summary>
    public async Task<RequestView?> OneAsync(ClaimsPrincipal citizen, string trackingNumber, CancellationToken cancellationToken)
    {
        var request = await FindMineAsync(_db.Requests.AsNoTracking(), trackingNumber, citizen, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var surveyOpen = request.Status == ServiceRequestStatus.Completed
            && !await _db.SurveyResponses.AnyAsync(s => s.RequestId == request.Id, cancellationToken);
        return request.ToView(_services, _time.GetUtcNow().UtcDateTime) with { CanAnswerSurvey = surveyOpen };
    }

    /// <summary>
    /// The public view, when the number exists and its applicant's NIK ends in <paramref name="nikEnding"/>; a
    /// wrong ending reads exactly like an unknown number, since tracking numbers are sequential.
    /// </summary>
    public async Task<PublicTrackingView?> TrackAsync(string trackingNumber, string nikEnding, CancellationToken cancellationToken)
    {
        var request = await _db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.TrackingNumber == trackingNumber, cancellationToken);
        if (request is not { ApplicantNik: { } nik } || !nik.EndsWith(nikEnding, StringComparison.Ordinal))
        {
            return null;
        }

        var view = request.ToView(_services, _time.GetUtcNow().UtcDateTime);
        return new PublicTrackingView(
            view.TrackingNumber, view.ServiceName, view.Agency, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(view.Status.ToString()),
            view.StatusLabel, view.SubmittedAt, view.DueAt, view.Overdue, request.UpdatedAt);
    }

    /// <summary>Four ASCII digits: what the public look-up asks for.</summary>
    public static bool IsNikEnding(string? text) => text is { Length: 4 } && text.All(char.IsAsciiDigit);

    /// <summary>One of the signed-in citizen's requests, with its timeline and documents; null for anyone else's.</summary>
    internal static Task<ServiceRequest?> FindMineAsync(IQueryable<ServiceRequest> requests, string trackingNumber, ClaimsPrincipal citizen, CancellationToken cancellationToken)
    {
        var id = citizen.AccountIdOf();
        return requests.Include(r => r.Timeline).Include(r => r.Documents)
            .SingleOrDefaultAsync(r => r.TrackingNumber == trackingNumber && r.CitizenId == id, cancellationToken);
    }
}

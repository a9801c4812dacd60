using Gateway.Audit.Chain;
using Gateway.Audit.Persistence;
using Gateway.Platform.Audit;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Audit.Api;

/// <summary>
/// <c>/api/admin/audit</c>: search, CSV export, chain verification and the daily heads. The audit trail holds
/// personal data (who did what, from which address), so every search and export is itself recorded.
/// </summary>
internal static class AuditAdminApi
{
    private const int MaxPageSize = 500;

    /// <summary>An export is one file; beyond this many rows, narrow it by time.</summary>
    private const int MaxExportRows = 100_000;

    private static readonly BilingualText PageRange = new("'page' mulai dari 1.", "'page' starts at 1.");
    private static readonly BilingualText PageSizeRange = new("'pageSize' harus 1 sampai {0}.", "'pageSize' must be 1 to {0}.");

    public static void MapAuditAdminApi(this RouteGroupBuilder admin)
    {
        var audit = admin.MapGroup("/audit").WithTags("Admin: audit trail");
        audit.MapGet("", Search)
            .WithSummary("Audit records, newest first, filtered by actor, action (or its prefix), target, data subject and time")
            .Produces<AuditPage>()
            .ProducesValidationProblem();
        audit.MapGet("/export", Export)
            .WithSummary("The same records as CSV, oldest first (at most 100,000: narrow by time for more)")
            .Produces<string>(contentType: "text/csv")
            .ProducesValidationProblem();
        audit.MapPost("/verify", Verify)
            .WithSummary("Walks the hash chain and reports the first record deleted, reordered or edited")
            .Produces<ChainReport>();
        audit.MapGet("/heads", Heads)
            .WithSummary("Each day's chain head (last position and hash); keep copies outside the gateway")
            .Produces<List<AuditHeadView>>();
    }

    /// <param name="actor">Account id, client id, <c>admin-key</c> or <c>system</c>; also finds what officers did for this citizen.</param>
    /// <param name="action">An action (<c>catalogue.agency.created</c>) or a prefix of one (<c>catalogue.agency</c>).</param>
    /// <param name="targetType">e.g. agency, service.</param>
    /// <param name="targetId">e.g. an agency code or a service slug.</param>
    /// <param name="dataSubject">A citizen's account id: records about their personal data.</param>
    /// <param name="from">Inclusive start (ISO 8601).</param>
    /// <param name="to">Exclusive end (ISO 8601).</param>
    private static async Task<IResult> Search(
        string? actor, string? action, string? targetType, string? targetId, string? dataSubject, DateTimeOffset? from, DateTimeOffset? to,
        int? page, int? pageSize, AuditDbContext db, AuditTrail trail, CancellationToken cancellationToken)
    {
        var query = new AuditQuery(actor, action, targetType, targetId, dataSubject, from, to);
        var errors = query.Errors();
        if (page is < 1)
        {
            errors["page"] = [PageRange.Localize()];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [PageSizeRange.With(MaxPageSize).Localize()];
        }

        if (errors.Count > 0)
        {
            return Problems.Result(ProblemKind.Validation, errors: errors);
        }

        var (number, size) = (page ?? 1, pageSize ?? 100);
        var records = query.Apply(db.Records.AsNoTracking());
        var total = await records.CountAsync(cancellationToken);
        var items = await records.OrderByDescending(r => r.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        await RecordReadAsync(db, trail, "audit.searched", query, items.Count, cancellationToken);
        return Results.Ok(new AuditPage(number, size, total, [.. items.Select(r => r.ToView())]));
    }

    private static async Task<IResult> Export(
        string? actor, string? action, string? targetType, string? targetId, string? dataSubject, DateTimeOffset? from, DateTimeOffset? to,
        HttpContext http, AuditDbContext db, AuditTrail trail, CancellationToken cancellationToken)
    {
        var query = new AuditQuery(actor, action, targetType, targetId, dataSubject, from, to);
        if (query.Errors() is { Count: > 0 } errors)
        {
            return Problems.Result(ProblemKind.Validation, errors: errors);
        }

        var records = await query.Apply(db.Records.AsNoTracking()).OrderBy(r => r.Id).Take(MaxExportRows).ToListAsync(cancellationToken);
        await RecordReadAsync(db, trail, "audit.exported", query, records.Count, cancellationToken);
        var csv = new System.Text.StringBuilder(AuditCsv.Header).Append("\r\n");
        foreach (var record in records)
        {
            csv.Append(AuditCsv.Line(record)).Append("\r\n");
        }

        http.Response.Headers.ContentDisposition = "attachment; filename=\"satupintu-audit.csv\"";
        return Results.Text(csv.ToString(), "text/csv; charset=utf-8");
    }

    private static async Task<IResult> Verify(AuditDbContext db, CancellationToken cancellationToken) =>
        Results.Ok(await new AuditVerifier(db).VerifyAsync(cancellationToken));

    private static async Task<IResult> Heads(AuditDbContext db, CancellationToken cancellationToken) =>
        Results.Ok(await db.Heads.AsNoTracking().OrderByDescending(h => h.Day)
            .Select(h => new AuditHeadView(h.Day, h.LastSequence, h.Hash, h.Records)).ToListAsync(cancellationToken));

    private static async Task RecordReadAsync(AuditDbContext db, AuditTrail trail, string action, AuditQuery query, int count, CancellationToken cancellationToken)
    {
        trail.Record(db, new AuditEntry(action, "audit", "records", AuditSummary.Facts(new { filters = query.Described(), records = count })));
        await db.SaveChangesAsync(cancellationToken);
    }
}

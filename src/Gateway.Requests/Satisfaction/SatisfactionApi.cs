using Gateway.Platform.Calendar;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Gateway.Requests.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Requests.Satisfaction;

/// <summary>The survey's nine answers (<c>u1</c>…<c>u9</c>, each 1–4) and an optional suggestion.</summary>
public sealed record SurveyInput(int? U1, int? U2, int? U3, int? U4, int? U5, int? U6, int? U7, int? U8, int? U9, string? Suggestion);

public sealed record IkmElementScore(string Code, string Name, double Average);

/// <summary>One service's IKM for the period: how many answered, each element's average, the score and its category.</summary>
public sealed record ServiceIkm(string ServiceSlug, string AgencyCode, int Responses, IReadOnlyList<IkmElementScore> Elements, double Ikm, string Grade, string Category);

public sealed record IkmReport(string Period, DateTime From, DateTime To, IReadOnlyList<ServiceIkm> Services);

/// <summary>
/// The public satisfaction survey (PermenPANRB 14/2017): a citizen answers it once about each completed
/// request (<c>POST /api/requests/{trackingNumber}/survey</c>); <c>GET /api/satisfaction</c> serves each
/// service's IKM per period — public figures, as the regulation asks units to publish them.
/// </summary>
internal static class SatisfactionApi
{
    private static readonly BilingualText BadPeriod = new(
        "Periode: tahun (2026), triwulan (2026-Q4), atau bulan (2026-12).", "Period: a year (2026), a quarter (2026-Q4) or a month (2026-12).");

    public static void MapSatisfactionApi(this IEndpointRouteBuilder portal)
    {
        portal.MapPost("/api/requests/{trackingNumber}/survey", Answer)
            .RequireAuthorization(Policies.Citizen)
            .WithTags("Satisfaction (IKM)")
            .WithSummary("Answer the satisfaction survey about one of my completed requests (once)")
            .Produces(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        portal.MapGet("/api/satisfaction", Report)
            .WithTags("Satisfaction (IKM)")
            .WithSummary("Each service's IKM (25-100) and category for a period: ?period=2026, 2026-Q4 or 2026-12 (default: this month); filter by agency or service")
            .Produces<IkmReport>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> Answer(string trackingNumber, SurveyInput input, HttpContext http, SurveyAnswers answers, CancellationToken cancellationToken)
    {
        var outcome = await answers.AnswerAsync(http.User, trackingNumber, input, cancellationToken);
        return outcome switch
        {
            { Taken: true } => TypedResults.Created($"/api/requests/{trackingNumber}"),
            { Refusal: { } kind } => Problems.Result(kind, outcome.Reason),
            _ => Problems.Result(ProblemKind.Validation, errors: outcome.Errors.ToDictionary()),
        };
    }

    private static async Task<IResult> Report(
        string? period, string? agency, string? service, RequestsDbContext db, WorkingCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        if (SurveyPeriod.Parse(period, time.GetUtcNow(), calendar.TimeZone) is not { } wanted)
        {
            return Problems.Result(ProblemKind.Validation, errors: new Dictionary<string, string[]> { ["period"] = [BadPeriod.Localize()] });
        }

        var answers = db.SurveyResponses.AsNoTracking().Where(r => r.AnsweredAt >= wanted.FromUtc && r.AnsweredAt < wanted.ToUtc);
        if (!string.IsNullOrEmpty(agency))
        {
            answers = answers.Where(r => r.AgencyCode == agency);
        }

        if (!string.IsNullOrEmpty(service))
        {
            answers = answers.Where(r => r.ServiceSlug == service);
        }

        // Averages are computed by the database: the answers themselves never leave it.
        var rows = await answers
            .GroupBy(r => new { r.ServiceSlug, r.AgencyCode })
            .Select(g => new
            {
                g.Key.ServiceSlug,
                g.Key.AgencyCode,
                Count = g.Count(),
                U1 = g.Average(r => (double)r.U1),
                U2 = g.Average(r => (double)r.U2),
                U3 = g.Average(r => (double)r.U3),
                U4 = g.Average(r => (double)r.U4),
                U5 = g.Average(r => (double)r.U5),
                U6 = g.Average(r => (double)r.U6),
                U7 = g.Average(r => (double)r.U7),
                U8 = g.Average(r => (double)r.U8),
                U9 = g.Average(r => (double)r.U9),
            })
            .ToListAsync(cancellationToken);
        var services = rows.OrderBy(r => r.AgencyCode).ThenBy(r => r.ServiceSlug).Select(r =>
        {
            double[] averages = [r.U1, r.U2, r.U3, r.U4, r.U5, r.U6, r.U7, r.U8, r.U9];
            var score = Ikm.Score(averages);
            var category = Ikm.CategoryOf(score);
            return new ServiceIkm(r.ServiceSlug, r.AgencyCode, r.Count,
                [.. Ikm.Elements.Select((e, i) => new IkmElementScore(e.Code, e.Name.Localize(), Math.Round(averages[i], 2)))],
                score, category.Grade, category.Label.Localize());
        }).ToList();
        return TypedResults.Ok(new IkmReport(wanted.Name, wanted.FromUtc, wanted.ToUtc, services));
    }
}

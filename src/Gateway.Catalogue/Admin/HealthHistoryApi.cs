using System.Security.Claims;
using Gateway.Catalogue.Editing;
using Gateway.Catalogue.Health;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Snapshot;
using Gateway.Platform.Catalogue;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Catalogue.Admin;

/// <summary>
/// Availability over the last 7 and 30 days and the incidents (down periods) of a service or of an agency's
/// services, from the stored status changes: what the console's health pages and the report cards read.
/// </summary>
internal static class HealthHistoryApi
{
    public const int MaxDays = 90;

    private static readonly BilingualText DaysOutOfRange = new(
        $"Jumlah hari harus antara 1 dan {MaxDays}.",
        $"The number of days must be between 1 and {MaxDays}.");

    public static void MapHealthHistoryApi(this RouteGroupBuilder admin)
    {
        var history = admin.MapGroup("/health").WithTags("Admin: health");
        history.MapGet("/services/{slug}", ForService)
            .WithSummary("A service's availability over the last 7 and 30 days, and its incidents over the last `days` (30)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        history.MapGet("/agencies/{code}", ForAgency)
            .WithSummary("An agency's availability over the last 7 and 30 days (all its exposed services' time together), and each service's")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary><c>/api/agency/health</c> on the administration origin: an officer sees their own agency's services' health only.</summary>
    public static void MapAgencyHealthApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/agency/health").WithTags("Agency: health")
            .RequireAuthorization(Policies.Officer)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .MapGet("/", (int? days, HttpContext http, CatalogueState state, IServiceHealthBoard board, HealthHistory history, TimeProvider time, CancellationToken cancellationToken) =>
                ForAgency(http.User.FindFirstValue(GatewayClaims.Agency)!, days, state, board, history, time, cancellationToken))
            .WithSummary("My agency's availability over the last 7 and 30 days, and each of its services'")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<ServiceHealthHistoryView>, ProblemHttpResult>> ForService(
        string slug, int? days, CatalogueState state, IServiceHealthBoard board, HealthHistory history, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Refused(days) is { } refused)
        {
            return refused;
        }

        if (!state.Current.BySlug.TryGetValue(slug, out var service))
        {
            return TypedResults.Problem(Problems.Create(ProblemKind.NotFound, Messages.UnknownService.With(slug)));
        }

        var window = Window.Ending(time.GetUtcNow().UtcDateTime, days ?? 30);
        var changes = (await history.ChangesAsync([service.Id], window.LoadFrom, cancellationToken))[service.Id];
        return TypedResults.Ok(new ServiceHealthHistoryView(
            service.Slug, service.Agency!.Code, board.Find(service.Slug)?.State ?? HealthState.Unknown, window.Days,
            window.AvailabilityOf(changes).View(),
            [.. Incidents.Within(changes, window.From, window.To).Select(i => IncidentView.Of(i, window.To))]));
    }

    private static async Task<Results<Ok<AgencyHealthHistoryView>, ProblemHttpResult>> ForAgency(
        string code, int? days, CatalogueState state, IServiceHealthBoard board, HealthHistory history, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Refused(days) is { } refused)
        {
            return refused;
        }

        var snapshot = state.Current;
        if (!snapshot.AgenciesByCode.ContainsKey(code))
        {
            return TypedResults.Problem(Problems.Create(ProblemKind.NotFound, Messages.UnknownAgency.With(code)));
        }

        var window = Window.Ending(time.GetUtcNow().UtcDateTime, days ?? 30);
        var services = snapshot.Services.Where(s => s.Agency!.Code == code && s.Exposure is not null).OrderBy(s => s.Slug, StringComparer.Ordinal).ToList();
        var changes = await history.ChangesAsync([.. services.Select(s => s.Id)], window.LoadFrom, cancellationToken);
        var rows = services.Select(s => (Service: s, Availability: window.AvailabilityOf(changes[s.Id]), Incidents: Incidents.Within(changes[s.Id], window.From, window.To))).ToList();
        var total = rows.Aggregate(new WindowAvailability(default, default), (sum, row) => sum + row.Availability);
        return TypedResults.Ok(new AgencyHealthHistoryView(
            code, window.Days, total.View(), rows.Sum(r => r.Incidents.Count),
            [.. rows.Select(r => new ServiceHealthSummaryView(
                r.Service.Slug, board.Find(r.Service.Slug)?.State ?? HealthState.Unknown, r.Availability.View(), r.Incidents.Count,
                (long)r.Incidents.Sum(i => Clipped(i, window).TotalSeconds)))]));
    }

    private static ProblemHttpResult? Refused(int? days) => days is < 1 or > MaxDays
        ? TypedResults.Problem(Problems.Create(ProblemKind.Validation, errors: Problems.FieldError("days", DaysOutOfRange)))
        : null;

    private static TimeSpan Clipped(Incident incident, Window window) =>
        ((incident.End ?? window.To) < window.To ? incident.End ?? window.To : window.To) - (incident.Start > window.From ? incident.Start : window.From);

    /// <summary>The asked window (for incidents) and the fixed 7- and 30-day ones, all ending now.</summary>
    private sealed record Window(DateTime From, DateTime To, int Days)
    {
        public static Window Ending(DateTime now, int days) => new(now.AddDays(-days), now, days);

        /// <summary>Changes are read from the earliest window's start: the last one before it gives every window's first state.</summary>
        public DateTime LoadFrom => From < To.AddDays(-30) ? From : To.AddDays(-30);

        public WindowAvailability AvailabilityOf(IReadOnlyList<ServiceHealthChange> changes) =>
            new(Availability.Measure(changes, To.AddDays(-7), To), Availability.Measure(changes, To.AddDays(-30), To));
    }

    private readonly record struct WindowAvailability(KnownTime Last7Days, KnownTime Last30Days)
    {
        public static WindowAvailability operator +(WindowAvailability a, WindowAvailability b) =>
            new(a.Last7Days + b.Last7Days, a.Last30Days + b.Last30Days);

        public AvailabilityView View() => new(Last7Days.Share, Last30Days.Share);
    }
}

using Gateway.Catalogue.Editing;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Search;
using Gateway.Catalogue.Snapshot;
using Gateway.Platform.Agencies;
using Gateway.Platform.Catalogue;
using Gateway.Platform.Edge.RateLimits;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Catalogue.PublicApi;

/// <summary>
/// <c>/api/catalogue</c>: what citizens and portals browse. Served from the in-memory snapshot, so
/// it costs no database round trip and always agrees with the proxy's routes.
/// </summary>
internal static class CatalogueApi
{
    private const int MaxPageSize = 100;

    private static readonly BilingualText PageRange = new("Halaman dimulai dari 1.", "Pages start at 1.");
    private static readonly BilingualText PageSizeRange = new(
        "Ukuran halaman antara 1 dan {0}.", "The page size must be between 1 and {0}.");
    private static readonly BilingualText UnknownStatus = new(
        "Status tidak dikenal. Pilihan: up, degraded, down, unknown.", "Unknown status. Choose up, degraded, down or unknown.");
    private static readonly BilingualText QueryTooLong = new(
        "Kata kunci terlalu panjang (maksimal 200 karakter).", "The search text is too long (200 characters at most).");

    public static void MapCatalogueApi(this IEndpointRouteBuilder endpoints)
    {
        var catalogue = endpoints.MapGroup("/api/catalogue").WithTags("Catalogue");

        catalogue.MapGet("/services", Search)
            .WithSummary("Find services: full-text search in Indonesian and English, filters by agency, category and status")
            .Produces<ServicePage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.Search);
        catalogue.MapGet("/services/{slug}", Detail)
            .WithSummary("A service with its published standard and live status")
            .Produces<ServiceDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        catalogue.MapGet("/agencies", Agencies)
            .WithSummary("The city's agencies")
            .Produces<List<AgencySummary>>();
        catalogue.MapGet("/categories", CategoryList)
            .WithSummary("Service categories with their number of services")
            .Produces<List<CategorySummary>>();
    }

    /// <param name="q">Search text, e.g. "akta kelahiran" or "business permit".</param>
    /// <param name="agency">Agency code, e.g. disdukcapil.</param>
    /// <param name="category">Category code, e.g. perizinan.</param>
    /// <param name="status">up, degraded, down or unknown.</param>
    private static IResult Search(
        string? q, string? agency, string? category, string? status, int? page, int? pageSize,
        CatalogueState state, CatalogueSearchIndex search, IServiceHealthBoard health)
    {
        var snapshot = state.Current;
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = [PageRange.Localize()];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [PageSizeRange.With(MaxPageSize).Localize()];
        }

        if (q is { Length: > 200 })
        {
            errors["q"] = [QueryTooLong.Localize()];
        }

        if (agency is not null && !snapshot.AgenciesByCode.ContainsKey(agency))
        {
            errors["agency"] = [Messages.UnknownAgency.With(agency).Localize()];
        }

        if (category is not null && !Categories.Exists(category))
        {
            errors["category"] = [Messages.UnknownCategory.With(string.Join(", ", Categories.All.Select(c => c.Code))).Localize()];
        }

        HealthState? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<HealthState>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _))
            {
                wanted = parsed;
            }
            else
            {
                errors["status"] = [UnknownStatus.Localize()];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Result(ProblemKind.Validation, errors: errors);
        }

        IEnumerable<Service> matches = string.IsNullOrWhiteSpace(q)
            ? snapshot.Services
            // The index follows the snapshot a moment later; a just-deleted slug is skipped.
            : search.Search(q).Select(slug => snapshot.BySlug.GetValueOrDefault(slug)).OfType<Service>();
        var filtered = matches
            .Where(s => agency is null || s.Agency!.Code == agency)
            .Where(s => category is null || s.Category == category)
            .Where(s => wanted is null || (CatalogueViewMapping.StateOf(s, health) ?? HealthState.Unknown) == wanted)
            .ToList();

        var size = pageSize ?? 20;
        var number = page ?? 1;
        var items = filtered.Skip((number - 1) * size).Take(size).Select(s => s.ToSummary(health)).ToList();
        return new CachedJson<ServicePage>(new ServicePage(filtered.Count, number, size, items));
    }

    private static IResult Detail(string slug, CatalogueState state, IServiceHealthBoard health, IServiceDirectory forms) =>
        state.Current.BySlug.TryGetValue(slug, out var service)
            ? new CachedJson<ServiceDetail>(service.ToDetail(health, forms))
            : Problems.NotFound(Messages.UnknownService.With(slug));

    private static CachedJson<List<AgencySummary>> Agencies(CatalogueState state)
    {
        var snapshot = state.Current;
        return new CachedJson<List<AgencySummary>>([.. snapshot.Agencies.Select(a => new AgencySummary(
            a.Code, a.Name.Localize(), a.Description.Localize(), a.Contact, snapshot.ServiceCountByAgency.GetValueOrDefault(a.Id)))]);
    }

    private static CachedJson<List<CategorySummary>> CategoryList(CatalogueState state)
    {
        var counts = state.Current.Services.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Count());
        return new CachedJson<List<CategorySummary>>([.. Categories.All.Select(c => new CategorySummary(
            c.Code, c.Label.Localize(), counts.GetValueOrDefault(c.Code)))]);
    }
}

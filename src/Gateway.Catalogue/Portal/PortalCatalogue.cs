using Gateway.Catalogue.Health;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Persistence;
using Gateway.Catalogue.PublicApi;
using Gateway.Catalogue.Search;
using Gateway.Catalogue.Snapshot;
using Gateway.Platform.Agencies;
using Gateway.Platform.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Catalogue.Portal;

/// <summary>
/// What the portal's pages read from the catalogue: the same in-memory snapshot, search index and views
/// as <c>/api/catalogue</c>, so a page and the API never disagree. Public for the pages' models; made
/// only by the module.
/// </summary>
public sealed class PortalCatalogue
{
    private readonly CatalogueState _state;
    private readonly CatalogueSearchIndex _search;
    private readonly IServiceHealthBoard _health;
    private readonly IServiceDirectory _forms;
    private readonly IServiceDemand? _demand;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;

    internal PortalCatalogue(
        CatalogueState state, CatalogueSearchIndex search, IServiceHealthBoard health, IServiceDirectory forms, IServiceDemand? demand,
        IServiceScopeFactory scopes, TimeProvider time)
    {
        _scopes = scopes;
        _time = time;
        _state = state;
        _search = search;
        _health = health;
        _forms = forms;
        _demand = demand;
    }

    /// <summary>The catalogue's version: a page rendered from it stays right until it changes.</summary>
    public long Generation => _state.Current.Generation;

    public static bool HasCategory(string? code) => Categories.Exists(code);

    /// <summary>Services matching the words (stemmed, typo-tolerant) and the category, best match first.</summary>
    public ServicePage Search(string? words, string? category, int page, int pageSize)
    {
        var snapshot = _state.Current;
        IEnumerable<Service> matches = string.IsNullOrWhiteSpace(words)
            ? snapshot.Services.OrderBy(s => s.Name.Localize(), StringComparer.CurrentCultureIgnoreCase)
            : _search.Search(words).Select(slug => snapshot.BySlug.GetValueOrDefault(slug)).OfType<Service>();
        var filtered = matches.Where(s => category is null || s.Category == category).ToList();
        var items = filtered.Skip((page - 1) * pageSize).Take(pageSize).Select(s => s.ToSummary(_health)).ToList();
        return new ServicePage(filtered.Count, page, pageSize, items);
    }

    public PortalService? Find(string slug) =>
        _state.Current.BySlug.TryGetValue(slug, out var service)
            ? new PortalService(service.ToDetail(_health, _forms), service.Agency!.Contact)
            : null;

    /// <summary>Categories that have services, with how many.</summary>
    public IReadOnlyList<CategorySummary> CategoriesInUse()
    {
        var counts = _state.Current.Services.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Count());
        return [.. Categories.All.Where(c => counts.ContainsKey(c.Code))
            .Select(c => new CategorySummary(c.Code, c.Label.Localize(), counts[c.Code]))];
    }

    /// <summary>Services the gateway currently sees down, so a citizen knows before trying.</summary>
    public IReadOnlyList<ServiceSummary> Unavailable(int max) =>
        [.. _state.Current.Services
            .Where(s => CatalogueViewMapping.StateOf(s, _health) == HealthState.Down)
            .Take(max)
            .Select(s => s.ToSummary(_health))];

    public IReadOnlyList<ServiceSummary> Popular(int count)
    {
        var snapshot = _state.Current;
        return _demand is null ? [] :
            [.. _demand.MostRequested(count).Select(slug => snapshot.BySlug.GetValueOrDefault(slug)).OfType<Service>().Select(s => s.ToSummary(_health))];
    }

    /// <summary>A service's availability over the last <paramref name="days"/> days (0–1), from its stored status changes; null when never checked.</summary>
    public async Task<double?> AvailabilityAsync(string slug, int days, CancellationToken cancellationToken)
    {
        if (!_state.Current.BySlug.TryGetValue(slug, out var service) || service.Exposure is null)
        {
            return null;
        }

        var to = _time.GetUtcNow().UtcDateTime;
        var from = to.AddDays(-days);
        await using var scope = _scopes.CreateAsyncScope();
        var changes = await scope.ServiceProvider.GetRequiredService<HealthHistory>().ChangesAsync([service.Id], from, cancellationToken);
        return Availability.Over(changes[service.Id], from, to);
    }
}

/// <summary>A service as its page shows it: the public view and where its agency's counter is.</summary>
public sealed record PortalService(ServiceDetail Detail, AgencyContact Contact);

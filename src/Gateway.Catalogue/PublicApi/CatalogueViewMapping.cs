using Gateway.Catalogue.Model;
using Gateway.Platform.Agencies;
using Gateway.Platform.Catalogue;

namespace Gateway.Catalogue.PublicApi;

/// <summary>Localizes catalogue entries for the current request's language.</summary>
internal static class CatalogueViewMapping
{
    public static ServiceSummary ToSummary(this Service s, IServiceHealthBoard health) => new(
        s.Slug,
        s.Name.Localize(),
        s.Description.Localize(),
        s.Agency!.ToRef(),
        ToCategory(s.Category),
        s.Channel,
        s.Standard.CompletionWorkingDays,
        s.Standard.CostRupiah,
        StatusOf(s, health),
        s.Exposure?.PathPrefix);

    /// <param name="forms">Where the service's form is kept parsed (once per catalogue version).</param>
    public static ServiceDetail ToDetail(this Service s, IServiceHealthBoard health, IServiceDirectory forms) => new(
        s.Slug,
        s.Name.Localize(),
        s.Description.Localize(),
        s.Agency!.ToRef(),
        ToCategory(s.Category),
        s.Channel,
        new StandardView(
            s.Standard.LegalBasis,
            [.. s.Standard.Requirements.Select(r => r.Localize())],
            [.. s.Standard.Procedure.Select(p => p.Localize())],
            s.Standard.CompletionWorkingDays,
            s.Standard.CostRupiah,
            s.Standard.CostNote?.Localize(),
            s.Standard.Product.Localize(),
            s.Standard.ComplaintChannel.Localize()),
        StatusOf(s, health),
        s.Exposure is { } e ? new ServiceAccess(e.PathPrefix, e.Methods, e.Access.Kind) : null,
        forms.Find(s.Slug)?.RequestForm?.Document,
        s.CitizenAssurance);

    public static AgencyRef ToRef(this Agency a) => new(a.Code, a.Name.Localize());

    public static CategoryRef ToCategory(string code) =>
        Categories.Exists(code) ? new CategoryRef(code, Categories.Get(code).Label.Localize()) : new CategoryRef(code, code);

    /// <summary>Counter-only services have no status; exposed ones are "unknown" until first checked.</summary>
    public static HealthState? StateOf(Service s, IServiceHealthBoard health) =>
        s.Exposure is null ? null : health.Find(s.Slug)?.State ?? HealthState.Unknown;

    private static ServiceStatus? StatusOf(Service s, IServiceHealthBoard health) =>
        s.Exposure is null ? null
        : health.Find(s.Slug) is { } h ? new ServiceStatus(h.State, h.Since, h.CheckedAt)
        : null;
}

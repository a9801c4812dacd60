using Gateway.Catalogue.Health;
using Microsoft.AspNetCore.OutputCaching;

namespace Gateway.Catalogue.Portal;

/// <summary>
/// The portal's catalogue pages (home, search, a service's page) are the same for every visitor, so they are
/// rendered once per language and kept: the key carries the catalogue's generation and a health version, so
/// a catalogue change or a service going up or down makes the next visit render afresh — no eviction to miss.
/// Kept at most a minute either way. Answers that set a cookie or are not 200 are never kept.
/// </summary>
public static class PortalPageCache
{
    public const string Policy = "portal-catalogue-pages";

    internal static void AddPolicy(OutputCacheOptions options) =>
        options.AddPolicy(Policy, policy => policy
            .Expire(TimeSpan.FromMinutes(1))
            .SetVaryByQuery("q", "kategori", "halaman")
            .VaryByValue(context =>
            {
                var services = context.RequestServices;
                var catalogue = (PortalCatalogue)services.GetService(typeof(PortalCatalogue))!;
                var health = (HealthVersion)services.GetService(typeof(HealthVersion))!;
                return new KeyValuePair<string, string>("v", $"{Web.Frame.Text.Lang}:{catalogue.Generation}:{health.Current}");
            }));
}

using Gateway.Catalogue.Model;
using Gateway.Contracts.Events.V1;
using Gateway.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Catalogue.Editing;

/// <summary>
/// The audit records of catalogue changes, added to the context being saved so they commit with the change:
/// <c>catalogue.agency.created</c>, <c>catalogue.service.exposed</c> and so on (the change kind, split at
/// its entity), each with the fields changed before and after (upstream secrets only as "changed").
/// </summary>
internal sealed class CatalogueAudit(AuditTrail trail)
{
    public void AgencyChanged(DbContext db, CatalogueChangeKind change, Agency agency) =>
        trail.Record(db, new AuditEntry(ActionOf(change), "agency", agency.Code, AuditSummary.Of(db, agency)));

    public void ServiceChanged(DbContext db, CatalogueChangeKind change, Service service) =>
        trail.Record(db, new AuditEntry(ActionOf(change), "service", service.Slug, AuditSummary.Of(db, service, service.Exposure)));

    /// <summary>A bulk import is one record: what an administrator did is one act, and 5,000 summaries would bury it.</summary>
    public void ServicesImported(DbContext db, IReadOnlyList<Service> services) =>
        trail.Record(db, new AuditEntry("catalogue.service.imported", "service", $"{services.Count} services",
            AuditSummary.Facts(new { count = services.Count, slugs = services.Select(s => s.Slug) })));

    /// <summary><c>ServiceUnexposed</c> → <c>catalogue.service.unexposed</c>.</summary>
    internal static string ActionOf(CatalogueChangeKind change)
    {
        var name = change.ToString();
        var split = name.IndexOfAny("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray(), 1);
        return $"catalogue.{name[..split].ToLowerInvariant()}.{name[split..].ToLowerInvariant()}";
    }
}

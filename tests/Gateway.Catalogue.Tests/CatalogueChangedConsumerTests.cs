using Gateway.Catalogue.Events;
using Gateway.Catalogue.Snapshot;
using Gateway.Contracts.Events.V1;

namespace Gateway.Catalogue.Tests;

public sealed class CatalogueChangedConsumerTests
{
    private static readonly CatalogueSnapshot Snapshot = Build();

    private static CatalogueSnapshot Build()
    {
        var akta = Samples.Service("akta", Samples.Disdukcapil, "Akta", "Certificate", "kependudukan");
        akta.Version = 2;
        return new CatalogueSnapshot(1, DateTimeOffset.UnixEpoch, [Samples.Disdukcapil], [akta]);
    }

    private static CatalogueChanged Change(CatalogueChangeKind kind, string? slug, int version) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = DateTimeOffset.UnixEpoch,
        SourceAgency = "diskominfo",
        CorrelationId = Guid.NewGuid(),
        Change = kind,
        AgencyCode = Samples.Disdukcapil.Code,
        ServiceSlug = slug,
        Version = version,
    };

    [Theory]
    [InlineData(CatalogueChangeKind.ServiceUpdated, "akta", 2, true)] // its own edit, or a redelivery
    [InlineData(CatalogueChangeKind.ServiceUpdated, "akta", 1, true)] // an older edit
    [InlineData(CatalogueChangeKind.ServiceUpdated, "akta", 3, false)] // made elsewhere: reload
    [InlineData(CatalogueChangeKind.ServiceCreated, "kk", 1, false)]
    [InlineData(CatalogueChangeKind.ServiceDeleted, "akta", 0, false)]
    [InlineData(CatalogueChangeKind.ServiceDeleted, "kk", 0, true)]
    [InlineData(CatalogueChangeKind.AgencyUpdated, null, 1, true)]
    [InlineData(CatalogueChangeKind.AgencyUpdated, null, 2, false)]
    [InlineData(CatalogueChangeKind.AgencyDeleted, null, 0, false)]
    public void A_change_the_snapshot_already_serves_needs_no_reload(CatalogueChangeKind kind, string? slug, int version, bool served) =>
        Assert.Equal(served, CatalogueChangedConsumer.Serves(Snapshot, Change(kind, slug, version)));
}

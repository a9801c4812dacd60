using Gateway.Catalogue.Search;

namespace Gateway.Catalogue.Tests;

public sealed class SearchIndexTests
{
    private static readonly CatalogueSearchIndex Index = CatalogueSearchIndex.Build(
    [
        Samples.Service("akta-kelahiran", Samples.Disdukcapil, "Akta Kelahiran", "Birth Certificate", "kependudukan",
            "Pencatatan kelahiran dan penerbitan akta.", "Registering births and issuing certificates."),
        Samples.Service("kartu-keluarga", Samples.Disdukcapil, "Kartu Keluarga", "Family Card", "kependudukan",
            "Penerbitan kartu keluarga baru.", "Issuing new family cards."),
        Samples.Service("izin-reklame", Samples.Dpmptsp, "Izin Penyelenggaraan Reklame", "Billboard Permit", "perizinan",
            "Perizinan pemasangan reklame.", "Permits for billboards."),
        Samples.Service("pbg", Samples.Dpmptsp, "Persetujuan Bangunan Gedung", "Building Approval", "perizinan",
            "Persetujuan untuk membangun gedung.", "Approval to construct buildings."),
    ]);

    [Theory]
    [InlineData("akta kelahiran", "akta-kelahiran")]
    [InlineData("kelahiran", "akta-kelahiran")]       // the Indonesian stem of "lahir" forms
    [InlineData("lahir", "akta-kelahiran")]
    [InlineData("births", "akta-kelahiran")]          // English plural stemmed
    [InlineData("perizinan reklame", "izin-reklame")]
    [InlineData("membangun", "pbg")]                  // prefix me- stripped: bangun
    [InlineData("keluarg", "kartu-keluarga")]         // still typing: prefix match
    [InlineData("kelurga", "kartu-keluarga")]         // one typo
    [InlineData("disdukcapil kartu", "kartu-keluarga")]
    public void The_best_match_comes_first(string query, string expected) =>
        Assert.Equal(expected, Index.Search(query)[0]);

    [Fact]
    public void Agency_names_match_every_service_of_the_agency() =>
        Assert.Equal(["izin-reklame", "pbg"], Index.Search("penanaman modal").Order());

    [Theory]
    [InlineData("")]
    [InlineData("dan yang di")]
    [InlineData("   ")]
    public void Nothing_searchable_matches_nothing(string query) => Assert.Empty(Index.Search(query));

    [Fact]
    public void Unrelated_words_match_nothing() => Assert.Empty(Index.Search("sepakbola"));
}

public sealed class IncrementalSearchIndexTests
{
    [Fact]
    public void An_update_reindexes_changed_services_and_drops_removed_ones()
    {
        var agency = Samples.Agency("dinas", "Dinas Uji", "Test Office");
        var lama = Samples.Service("lama", agency, "Pasar Malam", "Night Market", "informasi");
        var tetap = Samples.Service("tetap", agency, "Taman Kota", "City Park", "informasi");
        using var index = CatalogueSearchIndex.Build([lama, tetap]);
        Assert.Equal(["lama"], index.Search("pasar"));

        var renamed = Samples.Service("lama", agency, "Pameran Buku", "Book Fair", "informasi");
        renamed.Id = lama.Id;
        renamed.Version = lama.Version + 1;
        index.Update([renamed, tetap]);

        Assert.Empty(index.Search("pasar"));
        Assert.Equal(["lama"], index.Search("pameran"));

        index.Update([tetap]);
        Assert.Empty(index.Search("pameran"));
        Assert.Equal(["tetap"], index.Search("taman"));
    }

    [Fact]
    public void A_renamed_agency_reindexes_its_services()
    {
        var agency = Samples.Agency("dinas", "Dinas Uji", "Test Office");
        var service = Samples.Service("layanan", agency, "Layanan", "Service", "informasi");
        using var index = CatalogueSearchIndex.Build([service]);

        agency.Name = new("Badan Arsip", "Archives Agency");
        agency.Version++;
        index.Update([service]);

        Assert.Equal(["layanan"], index.Search("arsip"));
    }
}

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

using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Contracts.Events.V1;

namespace Gateway.Adapters.Sdk.Tests;

public sealed class StatusMapTests
{
    private static readonly StatusMap Map = StatusMap.Of(("BARU", ServiceRequestStatus.Submitted), ("Diteruskan ke Instansi", ServiceRequestStatus.InProcess));

    [Theory]
    [InlineData("BARU", ServiceRequestStatus.Submitted)]
    [InlineData("  baru ", ServiceRequestStatus.Submitted)]
    [InlineData("DITERUSKAN KE INSTANSI", ServiceRequestStatus.InProcess)]
    public void Legacy_statuses_match_whatever_their_case_and_surrounding_spaces(string legacy, ServiceRequestStatus expected) =>
        Assert.Equal(expected, Map.Map(legacy));

    [Fact]
    public void An_unknown_status_is_an_error_naming_it_never_a_default()
    {
        var error = Assert.Throws<UnmappedLegacyStatusException>(() => Map.Map("DITANGGUHKAN"));

        Assert.Equal("DITANGGUHKAN", error.LegacyStatus);
        Assert.False(Map.Knows("DITANGGUHKAN"));
    }

    [Fact]
    public void A_map_with_a_status_twice_or_mapping_to_cancelled_is_refused()
    {
        Assert.Throws<ArgumentException>(() => StatusMap.Of(("BARU", ServiceRequestStatus.Submitted), ("baru", ServiceRequestStatus.Verified)));
        Assert.Throws<ArgumentException>(() => StatusMap.Of(("BATAL", ServiceRequestStatus.Cancelled)));
        Assert.Throws<ArgumentException>(() => StatusMap.Of());
    }

    [Fact]
    public void An_answer_without_a_case_number_or_with_an_unmapped_status_is_broken_but_keeps_what_it_has()
    {
        var noReference = AdapterRuns.Understood(Map, "", "BARU", null);
        var unmapped = AdapterRuns.Understood(Map, "SIAK-1", "DITANGGUHKAN", null);

        Assert.Equal(AdapterOutcomeKind.Broken, noReference.Kind);
        Assert.Equal(AdapterOutcomeKind.Broken, unmapped.Kind);
        Assert.Equal("SIAK-1", unmapped.ExternalReference);
        Assert.Contains("DITANGGUHKAN", unmapped.Problem, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json;

namespace Adapters.Rsud.Tests;

/// <summary>The adapter service's read endpoint: a registration out of SIMRS's CSV export, as JSON, without the polyclinic.</summary>
public sealed class SimrsReadTests(SimrsServiceFixture fixture) : IClassFixture<SimrsServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_registration_is_read_from_the_export_and_answered_as_json_without_what_the_patient_is_ill_with()
    {
        var filed = await fixture.Adapter.SubmitAsync(fixture.NewSubmission(), Ct);
        var legacyCase = fixture.LegacyApp.Cases.Find(filed.ExternalReference)!;
        legacyCase.Status = "DIPANGGIL";
        legacyCase.Note = "Loket 3; bawa KTP";

        using var response = await fixture.ReadAsync($"antrian/{filed.ExternalReference}");

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        Assert.Equal(filed.ExternalReference, body.RootElement.GetProperty("number").GetString());
        Assert.Equal("DIPANGGIL", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Loket 3; bawa KTP", body.RootElement.GetProperty("note").GetString()); // quoted in the CSV
        Assert.Equal(legacyCase.Data["tgl_kunjungan"], body.RootElement.GetProperty("visitDate").GetString());
        Assert.DoesNotContain(legacyCase.Service, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_number_not_in_the_export_is_404()
    {
        using var response = await fixture.ReadAsync("antrian/RJ-000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("tidak dikenal SIMRS", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

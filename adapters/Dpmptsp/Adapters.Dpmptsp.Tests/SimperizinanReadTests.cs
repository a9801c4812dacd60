using System.Net;
using System.Text.Json;
using Gateway.Adapters.SampleHost;

namespace Adapters.Dpmptsp.Tests;

/// <summary>
/// The adapter service's own read endpoint: SIMPERIZINAN's SOAP answer as JSON, only for people the
/// gateway signed in, and each way SIMPERIZINAN can fail told apart (unknown number, down, garbled).
/// </summary>
public sealed class SimperizinanReadTests(SimperizinanServiceFixture fixture) : IClassFixture<SimperizinanServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_licence_status_is_read_from_soap_and_answered_as_json_with_a_slashed_number_kept_whole()
    {
        var filed = await fixture.Adapter.SubmitAsync(fixture.NewSubmission(), Ct);
        var legacyCase = fixture.LegacyApp.Cases.Find(filed.ExternalReference)!;
        legacyCase.Status = "SURVEI_LAPANGAN";
        legacyCase.Note = "Jadwal survei: Senin";
        Assert.Contains("/", filed.ExternalReference, StringComparison.Ordinal);

        using var response = await fixture.ReadAsync($"izin/{filed.ExternalReference}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(filed.ExternalReference, body.RootElement.GetProperty("registrationNumber").GetString());
        Assert.Equal("SURVEI_LAPANGAN", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Jadwal survei: Senin", body.RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_number_simperizinan_does_not_know_is_404_not_an_outage()
    {
        using var response = await fixture.ReadAsync("izin/999/99999/DPMPTSP/2026");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("tidak dikenal SIMPERIZINAN", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_reaching_the_adapter_without_the_gateways_signed_identity_is_answered()
    {
        var filed = await fixture.Adapter.SubmitAsync(fixture.NewSubmission(), Ct);

        using var response = await fixture.ReadAsync($"izin/{filed.ExternalReference}", signedIn: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(FaultKind.ServerError, HttpStatusCode.ServiceUnavailable, "tidak dapat dihubungi")]
    [InlineData(FaultKind.Malformed, HttpStatusCode.BadGateway, "tidak dapat dibaca")]
    public async Task Simperizinan_down_is_503_and_a_garbled_answer_is_502(FaultKind fault, HttpStatusCode expected, string title)
    {
        var filed = await fixture.Adapter.SubmitAsync(fixture.NewSubmission(), Ct);
        fixture.LegacyApp.Faults.Set(fault, times: 20); // more than the SDK's retries
        try
        {
            using var response = await fixture.ReadAsync($"izin/{filed.ExternalReference}");

            Assert.Equal(expected, response.StatusCode);
            Assert.Contains(title, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        finally
        {
            fixture.LegacyApp.Faults.Set(FaultKind.None);
        }
    }
}

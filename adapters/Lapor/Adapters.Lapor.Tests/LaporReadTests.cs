using System.Net;
using System.Text.Json;

namespace Adapters.Lapor.Tests;

/// <summary>The adapter service's read endpoint: a report's routing and follow-ups in SP4N-LAPOR!, without the reporter.</summary>
public sealed class LaporReadTests(LaporServiceFixture fixture) : IClassFixture<LaporServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reports_routing_and_follow_up_are_answered_without_the_reporter()
    {
        var submission = fixture.NewSubmission();
        var filed = await fixture.Adapter.SubmitAsync(submission, Ct);
        var legacyCase = fixture.LegacyApp.Cases.Find(filed.ExternalReference)!;
        legacyCase.Status = "Ditindaklanjuti";
        legacyCase.Note = "Petugas sudah meninjau lokasi";

        using var response = await fixture.ReadAsync($"laporan/{filed.ExternalReference}");

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        Assert.Equal(filed.ExternalReference, body.RootElement.GetProperty("trackingId").GetString());
        Assert.Equal("Ditindaklanjuti", body.RootElement.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("agency").GetString()));
        Assert.Equal("Petugas sudah meninjau lokasi", Assert.Single(body.RootElement.GetProperty("followUps").EnumerateArray()).GetProperty("text").GetString());
        Assert.DoesNotContain(submission.Applicant.Name, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tracking_id_lapor_does_not_know_is_404()
    {
        using var response = await fixture.ReadAsync("laporan/LPR-000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("tidak dikenal SP4N-LAPOR!", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

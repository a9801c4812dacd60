using System.Net;
using System.Text.Json;

namespace Adapters.Disdukcapil.Tests;

/// <summary>The adapter service's read endpoint: an application's status in SIAK, and nothing about the resident.</summary>
public sealed class SiakReadTests(SiakServiceFixture fixture) : IClassFixture<SiakServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_applications_status_is_answered_without_the_residents_name_or_nik()
    {
        var submission = fixture.NewSubmission();
        var filed = await fixture.Adapter.SubmitAsync(submission, Ct);
        fixture.LegacyApp.Cases.Find(filed.ExternalReference)!.Status = "VERIFIKASI";

        using var response = await fixture.ReadAsync($"permohonan/{filed.ExternalReference}");

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        Assert.Equal(filed.ExternalReference, body.RootElement.GetProperty("number").GetString());
        Assert.Equal("VERIFIKASI", body.RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain(submission.Applicant.Nik!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(submission.Applicant.Name, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_siak_does_not_know_is_404()
    {
        using var response = await fixture.ReadAsync("permohonan/PMH-0000-000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("tidak dikenal SIAK", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

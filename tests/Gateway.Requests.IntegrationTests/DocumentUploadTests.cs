using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Requests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Requests.IntegrationTests;

/// <summary>Supporting documents: checked, stored with their checksum, and delivered to SIAK once the request is filed there.</summary>
public sealed class DocumentUploadTests(RequestGateway fixture) : IClassFixture<RequestGateway>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    private GatewayApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(BrowserSession Citizen, string Tracking)> SubmittedAsync()
    {
        var (_, citizen) = await App.SignedInAsync("citizen");
        var created = await (await citizen.ApplyAsync(Applications.BirthCertificate("Aditya"))).JsonAsync();
        return (citizen, created.GetProperty("trackingNumber").GetString()!);
    }

    private static Task<HttpResponseMessage> UploadAsync(BrowserSession who, string tracking, byte[] content, string contentType, string name = "surat lahir.pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", name } };
        return who.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{tracking}/documents") { Content = form });
    }

    private static async Task<string?> ReferenceAsync(BrowserSession citizen, string tracking) =>
        (await (await citizen.GetAsync($"/api/requests/{tracking}")).JsonAsync()).TryGetProperty("agencyReference", out var r) ? r.GetString() : null;

    [Fact]
    public async Task A_pdf_is_stored_with_its_checksum_and_reaches_siak_intact()
    {
        var (citizen, tracking) = await SubmittedAsync();
        await Eventually.HoldsAsync(async () => await ReferenceAsync(citizen, tracking) is not null, "filing");

        var response = await UploadAsync(citizen, tracking, Pdf, "application/pdf", "../../etc/surat lahir.pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await response.JsonAsync();
        var sha = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        Assert.Equal(sha, document.GetProperty("sha256").GetString());
        Assert.Equal("surat lahir.pdf", document.GetProperty("fileName").GetString());
        Assert.True(document.GetProperty("delivered").GetBoolean());
        var legacyCase = fixture.Siak.Cases.Find((await ReferenceAsync(citizen, tracking))!)!;
        Assert.Contains($"surat lahir.pdf|{sha}", legacyCase.Attachments);
    }

    [Fact]
    public async Task A_document_uploaded_before_filing_is_delivered_once_siak_has_the_case()
    {
        await fixture.Siak.StopAsync(Ct);
        string tracking;
        BrowserSession citizen;
        try
        {
            (citizen, tracking) = await SubmittedAsync();
            var response = await UploadAsync(citizen, tracking, Pdf, "application/pdf");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.False((await response.JsonAsync()).GetProperty("delivered").GetBoolean());
        }
        finally
        {
            await fixture.Siak.StartAsync(Ct);
        }

        await Eventually.HoldsAsync(async () =>
        {
            var view = await (await citizen.GetAsync($"/api/requests/{tracking}")).JsonAsync();
            return view.GetProperty("documents").EnumerateArray().Any(d => d.GetProperty("delivered").GetBoolean());
        }, "the document to reach SIAK after the request was filed");
        Assert.Single(fixture.Siak.Cases.Find((await ReferenceAsync(citizen, tracking))!)!.Attachments);
    }

    [Fact]
    public async Task A_file_that_is_not_what_it_claims_or_too_large_is_refused_and_nothing_is_kept()
    {
        var (citizen, tracking) = await SubmittedAsync();
        var (_, stranger) = await App.SignedInAsync("citizen");
        var executable = "MZ\x90\0\x03\0\0\0"u8.ToArray().Concat(new byte[100]).ToArray();
        var huge = Pdf.Concat(new byte[(2 * 1024 * 1024) + 1]).ToArray();

        var disguised = await UploadAsync(citizen, tracking, executable, "application/pdf");
        var wrongType = await UploadAsync(citizen, tracking, Pdf, "application/x-msdownload");
        var tooLarge = await UploadAsync(citizen, tracking, huge, "application/pdf");
        var notMine = await UploadAsync(stranger, tracking, Pdf, "application/pdf");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, disguised.StatusCode);
        Assert.True((await disguised.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("urn:satupintu:problem:payload-too-large", (await tooLarge.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.TrackingNumber == tracking, Ct);
        Assert.Equal(0, await db.Documents.CountAsync(d => d.RequestId == request.Id, Ct));
        var folder = Path.Combine(App.DataDirectory, "documents", request.Id.ToString("N"));
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0, "no file may stay behind a refused upload");
    }

    [Fact]
    public async Task When_the_agencys_adapter_cannot_be_asked_the_citizen_is_told_to_try_again_and_nothing_is_kept()
    {
        // A service whose adapter service is not running (a closed port): its rules for documents cannot be read now.
        const string slug = "akta-adapter-mati";
        var service = TestData.Service(slug, RequestGatewayBase.Agency, AdapterServices.Exposure(new Uri("http://127.0.0.1:9/"), RequestGatewayBase.AdapterKey));
        service["requestForm"] = RequestGatewayBase.Form;
        using (var admin = App.CreateAdminClient())
        {
            await (await admin.PostAsJsonAsync("/api/admin/services", service, Ct)).EnsureSuccessAsync();
        }

        var (_, citizen) = await App.SignedInAsync("citizen");
        var answers = Applications.BirthCertificate("Bunga");
        answers["service"] = slug;
        var tracking = (await (await citizen.ApplyAsync(answers)).JsonAsync()).GetProperty("trackingNumber").GetString()!;

        var response = await UploadAsync(citizen, tracking, Pdf, "application/pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        var problem = await response.JsonAsync();
        Assert.Equal("urn:satupintu:problem:service-unavailable", problem.GetProperty("type").GetString());
        Assert.Contains("coba unggah lagi", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.TrackingNumber == tracking, Ct);
        Assert.Equal(0, await db.Documents.CountAsync(d => d.RequestId == request.Id, Ct));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.Catalogue.IntegrationTests;

/// <summary>
/// The demo city as a newcomer sees it after <c>dotnet run</c>: its catalogue, its search, its sample
/// apps answering through the gateway, and their quirks showing in the live status.
/// </summary>
public sealed class DemoCityTests(DemoGateway fixture) : IClassFixture<DemoGateway>
{
    private GatewayApp App => fixture.App;

    private async Task<JsonElement> GetJsonAsync(string url, string? language = null)
    {
        using var client = App.CreateClient();
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var response = await client.GetAsync(url);
        await response.EnsureSuccessAsync();
        return await response.JsonAsync();
    }

    private async Task<List<string>> SearchAsync(string query, string? language = null) =>
        [.. (await GetJsonAsync($"/api/catalogue/services?q={Uri.EscapeDataString(query)}", language))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!)];

    [Fact]
    public async Task The_catalogue_lists_at_least_20_services_from_6_agencies_with_live_status()
    {
        var agencies = await GetJsonAsync("/api/catalogue/agencies");
        Assert.True(agencies.GetArrayLength() >= 6);

        await HttpAssertions.EventuallyAsync(async () =>
        {
            var page = await GetJsonAsync("/api/catalogue/services?pageSize=100");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            var exposed = items.Where(i => i.TryGetProperty("path", out _)).ToList();
            return page.GetProperty("total").GetInt32() >= 20
                && exposed.Count >= 20
                && exposed.All(i => i.GetProperty("status").GetProperty("state").GetString() != "unknown");
        }, TimeSpan.FromSeconds(20), "every exposed demo service has a checked status");
    }

    [Theory]
    [InlineData("/disdukcapil/akta-kelahiran/health", "Healthy")] // the Disdukcapil adapter service
    [InlineData("/dpmptsp/izin-reklame/swagger/v1/swagger.json", "/izin/\\{nomorRegistrasi\\}")] // the DPMPTSP adapter's own API document
    [InlineData("/disdukcapil/kartu-keluarga/swagger/v1/swagger.json", "/permohonan/\\{nomor\\}")] // SIAK's reads, from its adapter
    [InlineData("/rsud/antrian-poli/swagger/v1/swagger.json", "/antrian/\\{nomor\\}")] // SIMRS's CSV export, read as JSON by its adapter
    [InlineData("/dishub/info-lalu-lintas", "\"aplikasi\":\"ATCS\"")]
    [InlineData("/rsud/jadwal-dokter", "\"aplikasi\":\"SIMRS Antrian\"")]
    [InlineData("/bapenda/pbb-p2/status/32.73.010.001.002", "\"nomor_registrasi\":\"32.73.010.001.002\"")]
    [InlineData("/bpbd/peringatan-dini-banjir", "\"aplikasi\":\"InaRISK Kota\"")]
    public async Task Each_demo_app_answers_through_the_gateway(string path, string expected)
    {
        using var client = App.CreateAppsClient();
        string body = "";
        // RSUD's app fails about a third of the time on purpose; a citizen would retry too.
        await HttpAssertions.EventuallyAsync(async () =>
        {
            var response = await client.GetAsync(path);
            body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30), $"{path} answers 200"); // 15 s was once too short on a loaded 2-core CI machine

        Assert.Matches(expected, body);
    }

    [Fact]
    public async Task The_quirky_apps_show_in_the_status_slow_and_flaky_degraded_and_the_dead_one_down()
    {
        string? State(JsonElement page, string slug) => page.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("slug").GetString() == slug).GetProperty("status").GetProperty("state").GetString();

        await HttpAssertions.EventuallyAsync(async () =>
        {
            var page = await GetJsonAsync("/api/catalogue/services?pageSize=100");
            return State(page, "cctv-simpang") == "down"
                && State(page, "info-lalu-lintas") is "degraded" or "down"
                && State(page, "jadwal-dokter") is "degraded" or "down"
                && State(page, "akta-kelahiran") == "up";
        }, TimeSpan.FromSeconds(30), "dishub degraded, rsud degraded, cctv down, disdukcapil up");

        var down = await GetJsonAsync("/api/catalogue/services?status=down");
        Assert.Contains("cctv-simpang", down.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task Search_finds_services_in_Indonesian_with_stemming_and_typos()
    {
        Assert.Equal("akta-kelahiran", (await SearchAsync("akta kelahiran"))[0]);
        Assert.Equal("akta-kelahiran", (await SearchAsync("kelahran"))[0]); // one typo
        Assert.Contains("persetujuan-bangunan-gedung", await SearchAsync("izin"));  // "perizinan" stems to "izin"
        Assert.Contains("nib-usaha-mikro", await SearchAsync("perizinan usaha"));
        Assert.Equal("antrian-poli", (await SearchAsync("antrian poliklinik"))[0]);
        Assert.Empty(await SearchAsync("yang dan di")); // only stop words
    }

    [Fact]
    public async Task Search_finds_services_in_English_and_answers_in_the_callers_language()
    {
        var page = await GetJsonAsync("/api/catalogue/services?q=birth+certificate", "en");
        var first = page.GetProperty("items")[0];

        Assert.Equal("akta-kelahiran", first.GetProperty("slug").GetString());
        Assert.Equal("Birth Certificate", first.GetProperty("name").GetString());
        Assert.Equal("Civil registration", first.GetProperty("category").GetProperty("label").GetString());
        Assert.Contains("bphtb", await SearchAsync("land taxes"));
        Assert.Equal("Akta Kelahiran", (await GetJsonAsync("/api/catalogue/services/akta-kelahiran")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Filters_by_agency_category_and_status_combine_with_paging()
    {
        var disdukcapil = await GetJsonAsync("/api/catalogue/services?agency=disdukcapil&pageSize=2&page=2");
        var health = await GetJsonAsync("/api/catalogue/services?category=kesehatan");

        Assert.Equal(5, disdukcapil.GetProperty("total").GetInt32());
        Assert.Equal(2, disdukcapil.GetProperty("items").GetArrayLength());
        Assert.All(disdukcapil.GetProperty("items").EnumerateArray(), i => Assert.Equal("disdukcapil", i.GetProperty("agency").GetProperty("code").GetString()));
        Assert.Equal(3, health.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_filters_are_a_400_problem_naming_each_field()
    {
        using var client = App.CreateClient();
        var response = await client.GetAsync("/api/catalogue/services?agency=dukcapil&category=hiburan&status=rusak&page=0&pageSize=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(["agency", "category", "page", "pageSize", "status"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task A_service_detail_carries_its_published_standard()
    {
        var detail = await GetJsonAsync("/api/catalogue/services/persetujuan-bangunan-gedung");

        var standard = detail.GetProperty("standard");
        Assert.Equal(28, standard.GetProperty("completionWorkingDays").GetInt32());
        Assert.True(standard.GetProperty("requirements").GetArrayLength() >= 3);
        Assert.StartsWith("PP 16/2021", standard.GetProperty("legalBasis")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("SP4N-LAPOR!", standard.GetProperty("complaintChannel").GetString(), StringComparison.Ordinal);
        Assert.Equal("/dpmptsp/persetujuan-bangunan-gedung", detail.GetProperty("access").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Catalogue_answers_carry_an_ETag_and_a_repeat_gets_304()
    {
        using var client = App.CreateClient();
        var first = await client.GetAsync("/api/catalogue/agencies");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/catalogue/agencies");
        again.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Catalogue_answers_are_compressed_for_clients_that_accept_it()
    {
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler) { BaseAddress = App.CreateClient().BaseAddress };
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var response = await client.GetAsync("/api/catalogue/services?pageSize=100");

        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        var compressed = (await response.Content.ReadAsByteArrayAsync()).Length;
        var plain = (await App.CreateClient().GetByteArrayAsync("/api/catalogue/services?pageSize=100")).Length;
        Assert.True(compressed * 3 < plain, $"{compressed} bytes compressed vs {plain} plain");
    }

    [Fact]
    public async Task A_counter_only_service_is_listed_without_a_route_or_status()
    {
        var detail = await GetJsonAsync("/api/catalogue/services/sktm");

        Assert.Equal("counter", detail.GetProperty("channel").GetString());
        Assert.False(detail.TryGetProperty("status", out _));
        Assert.False(detail.TryGetProperty("access", out _));
    }
}

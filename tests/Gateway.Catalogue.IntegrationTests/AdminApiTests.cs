using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Catalogue.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Catalogue.IntegrationTests;

/// <summary>The admin API and the live routes it drives, on each supported database.</summary>
public abstract class AdminApiTests(GatewayFixture fixture)
{
    private GatewayApp App => fixture.App;
    private LegacyBackend Backend => fixture.Backend;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task Adding_a_service_makes_its_route_answer_within_a_second()
    {
        var agency = Unique("dinas");
        await App.CreateAgencyAsync(agency);
        using var admin = App.CreateAdminClient();
        using var client = App.CreateAppsClient();
        var slug = Unique("layanan");

        var created = await admin.PostAsJsonAsync("/api/admin/services",
            TestData.Service(slug, agency, TestData.Exposure(new Uri(Backend.Address, "echo/app"))));
        await created.EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/admin/services/{slug}", created.Headers.Location?.ToString());

        var took = await HttpAssertions.EventuallyAsync(
            async () => (await client.GetAsync($"/{agency}/{slug}/hello")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(1), "the new route answers");
        Assert.True(took < TimeSpan.FromSeconds(1));

        var echo = await client.GetFromJsonAsync<EchoReply>($"/{agency}/{slug}/hello?x=1");
        Assert.Equal("/echo/app/hello", echo!.Path);
        Assert.Equal("?x=1", echo.Query);
    }

    [Fact]
    public async Task Deleting_a_service_removes_its_route_and_its_catalogue_entry()
    {
        var agency = Unique("dinas");
        await App.CreateAgencyAsync(agency);
        using var admin = App.CreateAdminClient();
        using var client = App.CreateAppsClient();
        var slug = Unique("hapus");
        (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(slug, agency, TestData.Exposure(new Uri(Backend.Address, "echo/")))))
            .EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{agency}/{slug}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/services/{slug}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{agency}/{slug}")).StatusCode);
        var problem = await (await App.CreateClient().GetAsync($"/api/catalogue/services/{slug}")).JsonAsync();
        Assert.Equal("urn:satupintu:problem:not-found", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Missing_and_wrong_fields_are_a_400_problem_naming_each_field()
    {
        using var admin = App.CreateAdminClient();
        var body = TestData.Service("ok-slug", "disdukcapil", TestData.Exposure(new Uri("ftp://legacy.example/")));
        body["name"]!.AsObject().Remove("id");
        body["standard"]!["procedure"] = new JsonArray();
        body["exposure"]!["timeoutSeconds"] = 0;
        body["exposure"]!["pathPrefix"] = "/api/mine";
        body["category"] = "hiburan";

        var response = await admin.PostAsJsonAsync("/api/admin/services", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "name.id", "category", "standard.procedure", "exposure.timeoutSeconds", "exposure.pathPrefix", "exposure.destinations[0]" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        // Indonesian by default: FluentValidation's own texts and ours.
        Assert.Contains("tidak boleh kosong", errors.GetProperty("name.id")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_are_in_English_when_asked()
    {
        using var admin = App.CreateAdminClient();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await admin.PostAsJsonAsync("/api/admin/agencies", new { code = "Bad Code!" });

        var problem = await response.JsonAsync();
        Assert.Equal("The request data is invalid.", problem.GetProperty("title").GetString());
        Assert.StartsWith("Agency code:", problem.GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"slug": "abc", "exposure": {"timeoutSeconds": "lama"}}""", "exposure.timeoutSeconds")]
    [InlineData("""{"slug": "abc", "channel": "teleport"}""", "channel")]
    [InlineData("""{"slug": "abc", "timeoutSecond": 3}""", "timeoutSecond")]
    [InlineData("""{"slug": "abc", """, "body")]
    public async Task Unreadable_json_names_the_field_at_fault(string json, string field)
    {
        using var admin = App.CreateAdminClient();
        var response = await admin.PostAsync("/api/admin/services", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task Duplicate_slug_and_agency_code_are_409_naming_the_field()
    {
        var agency = Unique("dinas");
        await App.CreateAgencyAsync(agency);
        using var admin = App.CreateAdminClient();
        var slug = Unique("dua");
        (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(slug, agency))).EnsureSuccessStatusCode();

        var again = await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(slug, agency));
        var agencyAgain = await admin.PostAsJsonAsync("/api/admin/agencies", TestData.Agency(agency));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True((await again.JsonAsync()).GetProperty("errors").TryGetProperty("slug", out _));
        Assert.Equal(HttpStatusCode.Conflict, agencyAgain.StatusCode);
        Assert.True((await agencyAgain.JsonAsync()).GetProperty("errors").TryGetProperty("code", out _));
    }

    [Theory]
    [InlineData("/kota/izin", "/kota/izin")]
    [InlineData("/kota/izin", "/kota/izin/usaha")]
    [InlineData("/kota/izin/usaha", "/kota")]
    public async Task Overlapping_path_prefix_is_409_naming_the_other_service(string first, string second)
    {
        var agency = Unique("dinas");
        await App.CreateAgencyAsync(agency);
        using var admin = App.CreateAdminClient();
        var prefix = "/" + Unique("p");
        var one = Unique("satu");
        (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(one, agency, TestData.Exposure(Backend.Address, prefix + first)))).EnsureSuccessStatusCode();

        var response = await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(Unique("dua"), agency, TestData.Exposure(Backend.Address, prefix + second)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("exposure.pathPrefix")[0].GetString();
        Assert.Contains(one, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_agency_is_400_naming_agencyCode_and_unknown_service_is_404()
    {
        using var admin = App.CreateAdminClient();
        var unknownAgency = await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(Unique("yatim"), "tidak-ada"));
        var unknownService = await admin.PutAsJsonAsync("/api/admin/services/tidak-ada/exposure", TestData.Exposure(Backend.Address));

        Assert.Equal(HttpStatusCode.BadRequest, unknownAgency.StatusCode);
        Assert.True((await unknownAgency.JsonAsync()).GetProperty("errors").TryGetProperty("agencyCode", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknownService.StatusCode);
        Assert.Equal("urn:satupintu:problem:not-found", (await unknownService.JsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_stale_If_Match_is_refused_with_412_and_changes_nothing()
    {
        var agency = Unique("dinas");
        await App.CreateAgencyAsync(agency);
        using var admin = App.CreateAdminClient();
        var slug = Unique("versi");
        var created = await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(slug, agency));
        var etag = created.Headers.ETag!.ToString();
        var changed = TestData.Service(slug, agency);
        changed["name"]!["id"] = "Nama baru";
        using (var first = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/services/{slug}") { Content = JsonContent.Create(changed) })
        {
            first.Headers.TryAddWithoutValidation("If-Match", etag);
            await (await admin.SendAsync(first)).EnsureSuccessAsync();
        }

        changed["name"]!["id"] = "Nama basi";
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/services/{slug}") { Content = JsonContent.Create(changed) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await admin.SendAsync(stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var current = await admin.GetFromJsonAsync<JsonObject>($"/api/admin/services/{slug}");
        Assert.Equal("Nama baru", current!["name"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_agency_with_services_cannot_be_deleted()
    {
        var agency = Unique("dinas");
        await App.CreateAgencyAsync(agency);
        using var admin = App.CreateAdminClient();
        (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(Unique("anak"), agency))).EnsureSuccessStatusCode();

        var response = await admin.DeleteAsync($"/api/admin/agencies/{agency}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/admin/agencies/{agency}")).StatusCode);
    }

    [Fact]
    public async Task The_upstream_secret_is_stored_encrypted_and_never_returned()
    {
        var agency = Unique("dinas");
        await App.CreateAgencyAsync(agency);
        using var admin = App.CreateAdminClient();
        using var client = App.CreateAppsClient();
        var slug = Unique("rahasia");
        const string secret = "s3cr3t-api-key-of-the-registry";
        var exposure = TestData.Exposure(new Uri(Backend.Address, "echo/"));
        exposure["upstreamAuth"] = new JsonObject { ["kind"] = "apiKey", ["headerName"] = "X-Registry-Key", ["secret"] = secret };

        var created = await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(slug, agency, exposure));
        var read = await admin.GetStringAsync($"/api/admin/services/{slug}");
        var list = await admin.GetStringAsync("/api/admin/services");
        var echo = await client.GetFromJsonAsync<EchoReply>($"/{agency}/{slug}/x");

        Assert.DoesNotContain(secret, await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, read, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Contains("\"hasSecret\":true", read, StringComparison.Ordinal);
        Assert.Equal(secret, echo!.Headers["X-Registry-Key"]);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var stored = await db.Services.Where(s => s.Slug == slug).Select(s => s.Exposure!.UpstreamAuth.ProtectedSecret).SingleAsync();
        Assert.False(string.IsNullOrEmpty(stored));
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_exposure_without_a_secret_keeps_the_stored_one()
    {
        var agency = Unique("dinas");
        await App.CreateAgencyAsync(agency);
        using var admin = App.CreateAdminClient();
        using var client = App.CreateAppsClient();
        var slug = Unique("simpan");
        var exposure = TestData.Exposure(new Uri(Backend.Address, "echo/"));
        exposure["upstreamAuth"] = new JsonObject { ["kind"] = "basic", ["username"] = "gateway", ["secret"] = "pw-1" };
        (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service(slug, agency, exposure))).EnsureSuccessStatusCode();

        exposure["timeoutSeconds"] = 7;
        exposure["upstreamAuth"]!.AsObject().Remove("secret");
        await (await admin.PutAsJsonAsync($"/api/admin/services/{slug}/exposure", exposure)).EnsureSuccessAsync();
        var echo = await client.GetFromJsonAsync<EchoReply>($"/{agency}/{slug}/x");

        Assert.Equal("Basic " + Convert.ToBase64String("gateway:pw-1"u8.ToArray()), echo!.Headers["Authorization"]);
    }

    [Fact]
    public async Task The_admin_api_needs_the_admin_key()
    {
        using var anonymous = App.CreateAdministrationClient();
        using var wrong = App.CreateAdministrationClient();
        wrong.DefaultRequestHeaders.Add("X-Admin-Key", "not-the-key");

        var without = await anonymous.GetAsync("/api/admin/services");
        var withWrong = await wrong.PostAsJsonAsync("/api/admin/agencies", TestData.Agency("penyusup"));

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withWrong.StatusCode);
        Assert.Equal("urn:satupintu:problem:unauthorized", (await withWrong.JsonAsync()).GetProperty("type").GetString());
        using var admin = App.CreateAdminClient();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/agencies/penyusup")).StatusCode);
    }

    [Fact]
    public async Task The_database_schema_matches_the_model()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();

        var expectedProvider = App.Database == DatabaseKind.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite";
        Assert.Equal(expectedProvider, db.Database.ProviderName);
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration for this provider");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_bulk_import_is_live_and_listed_when_it_returns()
    {
        var agency = Unique("impor");
        await App.CreateAgencyAsync(agency);
        using var admin = App.CreateAdminClient();
        using var client = App.CreateAppsClient();
        var slugs = Enumerable.Range(0, 3).Select(i => $"{agency}-{i}").ToList();
        var rows = new JsonArray([.. slugs.Select(slug => (JsonNode)TestData.Service(slug, agency, TestData.Exposure(new Uri(Backend.Address, "echo/"))))]);

        var imported = await (await admin.PostAsJsonAsync("/api/admin/services/import", new JsonObject { ["services"] = rows })).JsonAsync();

        Assert.Equal(3, imported.GetProperty("imported").GetInt32());
        Assert.Equal(slugs, imported.GetProperty("services").EnumerateArray().Select(e => e.GetString()));
        foreach (var slug in slugs)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{agency}/{slug}/x")).StatusCode);
        }

        var listed = await admin.GetFromJsonAsync<JsonArray>($"/api/admin/services?agency={agency}");
        Assert.Equal(slugs, listed!.Select(s => s!["slug"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_bulk_import_with_bad_rows_writes_nothing_and_names_every_row_at_fault()
    {
        var agency = Unique("impor");
        await App.CreateAgencyAsync(agency);
        using var admin = App.CreateAdminClient();
        using var client = App.CreateAppsClient();
        var backend = new Uri(Backend.Address, "echo/");
        (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service($"{agency}-lama", agency, TestData.Exposure(backend, $"/{agency}/lama"))))
            .EnsureSuccessStatusCode();
        var spoiled = TestData.Service($"{agency}-4", agency, TestData.Exposure(backend));
        spoiled["category"] = "tidak-ada";
        JsonNode[] rows =
        [
            TestData.Service($"{agency}-0", agency, TestData.Exposure(backend)),
            TestData.Service($"{agency}-1", "dinas-tak-terdaftar", TestData.Exposure(backend)),
            TestData.Service($"{agency}-0", agency, TestData.Exposure(backend, $"/{agency}/lain")),
            TestData.Service($"{agency}-3", agency, TestData.Exposure(backend, $"/{agency}/lama/bagian")),
            spoiled,
        ];

        var response = await admin.PostAsJsonAsync("/api/admin/services/import?lang=en", new JsonObject { ["services"] = new JsonArray(rows) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.StartsWith("4 of 5 rows were refused", problem.GetProperty("detail").GetString());
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["services[1].agencyCode", "services[2].slug", "services[3].exposure.pathPrefix", "services[4].category"], errors.Order(StringComparer.Ordinal));
        Assert.Contains($"/{agency}/lama", problem.GetProperty("errors").GetProperty("services[3].exposure.pathPrefix")[0].GetString());
        // Row 0 was fine, but nothing of a refused import is written.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/admin/services/{agency}-0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{agency}/{agency}-0")).StatusCode);
    }
}

public sealed class SqliteAdminApiTests(SqliteGateway fixture) : AdminApiTests(fixture), IClassFixture<SqliteGateway>;

public sealed class PostgresAdminApiTests(PostgresGateway fixture) : AdminApiTests(fixture), IClassFixture<PostgresGateway>;

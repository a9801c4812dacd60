using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Requests.IntegrationTests;

/// <summary>The public satisfaction survey (PermenPANRB 14/2017): answered once per completed request, served as each service's IKM.</summary>
public sealed class SatisfactionSurveyTests(RequestGateway fixture) : IClassFixture<RequestGateway>
{
    private GatewayApp App => fixture.App;

    private static JsonObject Scores(int u1, int rest, string? suggestion = null)
    {
        var scores = new JsonObject { ["u1"] = u1 };
        for (var i = 2; i <= 9; i++)
        {
            scores[$"u{i}"] = rest;
        }

        scores["suggestion"] = suggestion;
        return scores;
    }

    private static Task<HttpResponseMessage> PostAsync(BrowserSession who, string path, JsonObject body) =>
        who.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) });

    private static async Task<string> CompletedRequestAsync(BrowserSession citizen, BrowserSession officer)
    {
        var applied = await citizen.ApplyAsync(new JsonObject
        {
            ["service"] = RequestGatewayBase.ServiceSlug,
            ["fields"] = new JsonObject { ["nama_anak"] = "Raka Saputra", ["tanggal_lahir"] = "2026-11-02", ["nik_ibu"] = "3273015708900001", ["anak_ke"] = 1 },
        });
        var tracking = (await applied.JsonAsync()).GetProperty("trackingNumber").GetString()!;
        var survey = $"/api/requests/{tracking}/survey";
        var early = await PostAsync(citizen, survey, Scores(4, 4));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode); // not completed yet
        // Moved on only once filed: a move while the adapter files it is refused as changed meanwhile (409), rightly.
        await Eventually.HoldsAsync(async () =>
            (await (await citizen.GetAsync($"/api/requests/{tracking}")).JsonAsync()).TryGetProperty("agencyReference", out var reference)
            && reference.ValueKind == JsonValueKind.String, "the request to be filed in SIAK");
        var done = await PostAsync(officer, $"/api/agency/requests/{tracking}/status", new JsonObject { ["status"] = "completed" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        return tracking;
    }

    [Fact]
    public async Task A_citizen_rates_a_completed_request_once_and_the_service_s_IKM_is_published_per_period()
    {
        var (_, officer) = await App.SignedInAsync("officer", RequestGatewayBase.Agency);
        var (_, first) = await App.SignedInAsync("citizen");
        var (_, second) = await App.SignedInAsync("citizen");
        var (_, stranger) = await App.SignedInAsync("citizen");
        var firstRequest = await CompletedRequestAsync(first, officer);
        var secondRequest = await CompletedRequestAsync(second, officer);

        var outOfRange = await PostAsync(first, $"/api/requests/{firstRequest}/survey", Scores(5, 4));
        var notTheirs = await PostAsync(stranger, $"/api/requests/{firstRequest}/survey", Scores(4, 4));
        Assert.True((await (await first.GetAsync($"/api/requests/{firstRequest}")).JsonAsync()).GetProperty("canAnswerSurvey").GetBoolean());
        var answered = await PostAsync(first, $"/api/requests/{firstRequest}/survey", Scores(4, 4, "Cepat dan ramah."));
        Assert.False((await (await first.GetAsync($"/api/requests/{firstRequest}")).JsonAsync()).GetProperty("canAnswerSurvey").GetBoolean());
        var twice = await PostAsync(first, $"/api/requests/{firstRequest}/survey", Scores(1, 1));
        var other = await PostAsync(second, $"/api/requests/{secondRequest}/survey", Scores(2, 3));

        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        var errors = (await outOfRange.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("u1", out _) && !errors.TryGetProperty("u2", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        // Two answers: U1 averages (4+2)/2 = 3, the other elements (4+3)/2 = 3.5; IKM = (3 + 8 x 3.5) / 9 x 25 = 86.11, "B".
        using var client = App.CreateClient();
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/satisfaction?service={RequestGatewayBase.ServiceSlug}");
        var service = report.GetProperty("services").EnumerateArray().Single();
        Assert.Equal(2, service.GetProperty("responses").GetInt32());
        Assert.Equal(3.0, service.GetProperty("elements")[0].GetProperty("average").GetDouble());
        Assert.Equal(86.11, service.GetProperty("ikm").GetDouble());
        Assert.Equal("B", service.GetProperty("grade").GetString());
        Assert.Equal("Baik", service.GetProperty("category").GetString());
        var lastYear = await client.GetFromJsonAsync<JsonElement>($"/api/satisfaction?period={DateTime.UtcNow.Year - 1}&service={RequestGatewayBase.ServiceSlug}");
        Assert.Empty(lastYear.GetProperty("services").EnumerateArray());
        var badPeriod = await client.GetAsync("/api/satisfaction?period=bulan-ini");
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.True((await badPeriod.JsonAsync()).GetProperty("errors").TryGetProperty("period", out _));
    }
}

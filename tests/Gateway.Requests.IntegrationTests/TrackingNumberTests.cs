using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gateway.Requests.IntegrationTests;

/// <summary>Tracking numbers under concurrent submits, on both databases (the serial is one SQL upsert in the submit's transaction), and each request filed once.</summary>
public abstract class TrackingNumberTests(RequestGatewayBase fixture)
{
    [Fact]
    public async Task Concurrent_submits_get_distinct_gap_free_serials_and_each_is_stored_whole()
    {
        var citizens = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.App.SignedInAsync("citizen")));
        var (_, earlier) = await fixture.App.SignedInAsync("citizen");
        var before = await SerialsAsync(earlier);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => citizens[i % citizens.Length].Browser.ApplyAsync(Applications.BirthCertificate($"Anak {i + 10}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("trackingNumber").GetString()!));
        Assert.Equal(12, numbers.Distinct().Count());
        var serials = numbers.Select(n => int.Parse(n[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(serials[0], 12), serials);
        Assert.True(serials[0] > before, "serials continue after the ones already given");
        foreach (var citizen in citizens.Select(c => c.Browser))
        {
            var mine = await (await citizen.GetAsync("/api/requests")).JsonAsync();
            Assert.Equal(3, mine.GetProperty("total").GetInt32());
        }

        // And every one of them goes all the way: outbox, bus, adapter, SIAK, case number stored.
        await Eventually.HoldsAsync(() => Task.FromResult(numbers.All(n => fixture.Siak.Cases.All.Any(c => c.ClientReference == n))),
            "all twelve requests to be filed in SIAK");
        Assert.Equal(12, fixture.Siak.Cases.All.Count(c => numbers.Contains(c.ClientReference)));
    }

    private static async Task<int> SerialsAsync(BrowserSession citizen)
    {
        var response = await citizen.ApplyAsync(Applications.BirthCertificate("Anak 9"));
        var number = (await response.JsonAsync()).GetProperty("trackingNumber").GetString()!;
        return int.Parse(number[^6..], System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class SqliteTrackingNumberTests(RequestGateway fixture) : TrackingNumberTests(fixture), IClassFixture<RequestGateway>;

public sealed class PostgresTrackingNumberTests(PostgresRequestGateway fixture) : TrackingNumberTests(fixture), IClassFixture<PostgresRequestGateway>;

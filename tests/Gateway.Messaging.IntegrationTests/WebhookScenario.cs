using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gateway.Messaging.IntegrationTests;

/// <summary>The webhook tests' city: complaints about roads routed to DPUPR, whose apps subscribe to them.</summary>
internal static class WebhookScenario
{
    public static async Task<GatewayApp> StartAsync(BrokerFixture broker, DatabaseKind database = DatabaseKind.Sqlite, params (string, string?)[] extra)
    {
        var app = await GatewayApp.StartAsync(database, settings: Settings(broker, extra));
        await app.WaitForBusAsync();
        await app.CreateAgencyAsync("dpupr");
        return app;
    }

    public static Dictionary<string, string?> Settings(BrokerFixture broker, params (string, string?)[] extra) => broker.GatewaySettings(
    [
        ("Complaints:Rules:0:Category", "jalan-*"),
        ("Complaints:Rules:0:AgencyCode", "dpupr"),
        ("Messaging:Webhooks:PollIntervalMilliseconds", "200"),
        .. extra,
    ]);

    public static async Task<(string Id, string Secret)> SubscribeAsync(GatewayApp app, Uri url, bool ownAgencyOnly = false, string eventType = "ComplaintRouted")
    {
        using var admin = app.CreateAdminClient();
        var response = await admin.PostAsJsonAsync("/api/admin/subscriptions", new JsonObject
        {
            ["agencyCode"] = "dpupr",
            ["eventType"] = eventType,
            ["delivery"] = "webhook",
            ["webhookUrl"] = url.ToString(),
            ["ownAgencyOnly"] = ownAgencyOnly,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((string)created["subscription"]!["id"]!, (string)created["secret"]!);
    }

    public static async Task<string> FileComplaintAsync(GatewayApp app, string category = "jalan-rusak")
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/complaints", new JsonObject
        {
            ["category"] = category,
            ["class"] = "simple",
            ["subject"] = "Jalan berlubang",
            ["description"] = "Lubang di depan pasar.",
        });
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }
}

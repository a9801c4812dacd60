using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Messaging.Webhooks;

namespace Gateway.Messaging.IntegrationTests;

/// <summary>Agency apps that want events pushed to them: signed CloudEvents, retries, the dead-letter list.</summary>
public sealed class WebhookTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    private Task<GatewayApp> StartAsync(params (string, string?)[] extra) => WebhookScenario.StartAsync(broker, DatabaseKind.Sqlite, extra);

    private static Task<(string Id, string Secret)> SubscribeAsync(GatewayApp app, Uri url, bool ownAgencyOnly = false) =>
        WebhookScenario.SubscribeAsync(app, url, ownAgencyOnly);

    private static Task<string> FileComplaintAsync(GatewayApp app, string category = "jalan-rusak") =>
        WebhookScenario.FileComplaintAsync(app, category);

    [Fact]
    public async Task A_webhook_subscriber_gets_a_signed_cloud_event_and_the_secret_is_shown_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await StartAsync();
        var (subscriptionId, secret) = await SubscribeAsync(app, receiver.Url);

        var complaintId = await FileComplaintAsync(app);

        await Eventually.HoldsAsync(() => Task.FromResult(!receiver.Received.IsEmpty), "the webhook");
        var hook = receiver.Received.Single();
        Assert.True(WebhookSignature.Verify(secret, hook.Headers[WebhookSignature.Header], hook.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.StartsWith("application/cloudevents+json", hook.Headers["Content-Type"], StringComparison.Ordinal);
        var cloudEvent = JsonNode.Parse(hook.Body)!;
        Assert.Equal("1.0", (string?)cloudEvent["specversion"]);
        Assert.Equal("satupintu.v1.ComplaintRouted", (string?)cloudEvent["type"]);
        Assert.Equal(complaintId, (string?)cloudEvent["data"]!["complaintId"]);
        Assert.Equal("dpupr", (string?)cloudEvent["data"]!["agencyCode"]);

        using var admin = app.CreateAdminClient();
        var stored = await admin.GetStringAsync($"/api/admin/subscriptions/{subscriptionId}");
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        var catalogue = await app.CreateClient().GetFromJsonAsync<JsonArray>("/api/events");
        var routed = catalogue!.Single(e => (string?)e!["name"] == "ComplaintRouted")!;
        Assert.Contains(routed["subscribers"]!.AsArray(), s => (string?)s!["agencyCode"] == "dpupr" && (string?)s["delivery"] == "webhook");
    }

    [Fact]
    public async Task A_resident_s_data_delivered_by_webhook_or_queued_for_an_agency_is_on_their_record_naming_the_agency()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await StartAsync(("Messaging:PersonalDataAgencies:0", "dpupr"), ("Messaging:PersonalDataAgencies:1", "disdukcapil"));
        await app.CreateAgencyAsync("disdukcapil");
        await WebhookScenario.SubscribeAsync(app, receiver.Url, eventType: "CitizenRegistered");
        using var admin = app.CreateAdminClient();
        var queueSubscription = await admin.PostAsJsonAsync("/api/admin/subscriptions", new JsonObject
        {
            ["agencyCode"] = "disdukcapil",
            ["eventType"] = "CitizenRegistered",
            ["delivery"] = "amqp",
        });
        Assert.Equal(HttpStatusCode.Created, queueSubscription.StatusCode);

        // A resident registered at a counter: the NIK is verified at once and the citizen announced.
        var created = await admin.PostAsJsonAsync("/api/admin/accounts", new JsonObject
        {
            ["role"] = "citizen",
            ["fullName"] = "Siti Rahmawati",
            ["nik"] = TestData.NewNik(),
            ["email"] = $"siti-{Guid.NewGuid():N}@example.id",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var citizen = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["account"]!["id"]!;

        await Eventually.HoldsAsync(() => Task.FromResult(!receiver.Received.IsEmpty), "the webhook");
        Assert.Equal(citizen, (string?)JsonNode.Parse(receiver.Received.Single().Body)!["data"]!["citizenId"]);
        JsonArray? records = null;
        await Eventually.HoldsAsync(async () =>
        {
            records = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?dataSubject={citizen}&action=messaging.webhook.delivered"))!["items"]!.AsArray();
            return records.Count > 0;
        }, "the delivery to be recorded");
        var record = Assert.Single(records!)!;
        Assert.Equal("dpupr", (string?)record["recipient"]);
        Assert.Equal("CitizenRegistered", (string?)record["summary"]!["eventType"]);

        // The same event reached Disdukcapil's own RabbitMQ queue: recorded as it got there.
        await Eventually.HoldsAsync(async () =>
        {
            records = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?dataSubject={citizen}&action=messaging.event.queued"))!["items"]!.AsArray();
            return records.Count > 0;
        }, "the queued event to be recorded");
        var queued = Assert.Single(records!)!;
        Assert.Equal("disdukcapil", (string?)queued["recipient"]);
        Assert.Equal("satupintu-agency-disdukcapil", (string?)queued["summary"]!["queue"]);
    }

    [Fact]
    public async Task An_own_agency_subscription_gets_only_the_complaints_routed_to_that_agency()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await StartAsync();
        await SubscribeAsync(app, receiver.Url, ownAgencyOnly: true);

        var unrouted = await FileComplaintAsync(app, "lampu-mati"); // goes to the Diskominfo queue
        var ours = await FileComplaintAsync(app, "jalan-rusak");   // goes to dpupr

        await Eventually.HoldsAsync(() => Task.FromResult(!receiver.Received.IsEmpty), "the webhook");
        await Task.Delay(1000); // room for a wrong second delivery
        var delivered = receiver.Received.Select(r => (string?)JsonNode.Parse(r.Body)!["data"]!["complaintId"]).ToList();
        Assert.Equal([ours], delivered);
        Assert.DoesNotContain(unrouted, delivered);
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_then_dead_lettered_and_replayed_by_an_administrator()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Failing = true;
        await using var app = await StartAsync(
            ("Messaging:Webhooks:RetryScheduleSeconds:0", "1"),
            ("Messaging:Webhooks:RetryScheduleSeconds:1", "1"));
        await SubscribeAsync(app, receiver.Url);
        using var admin = app.CreateAdminClient();

        await FileComplaintAsync(app);

        JsonArray? dead = null;
        await Eventually.HoldsAsync(async () =>
        {
            dead = await admin.GetFromJsonAsync<JsonArray>("/api/admin/webhooks/dead-letters");
            return dead!.Count == 1;
        }, "the delivery on the dead-letter list");
        Assert.Equal(3, receiver.Received.Count); // the first try and two retries
        Assert.Equal(3, (int)dead![0]!["attempts"]!);
        Assert.Equal(500, (int)dead[0]!["lastStatusCode"]!);

        receiver.Failing = false;
        var replay = await admin.PostAsync($"/api/admin/webhooks/dead-letters/{dead[0]!["id"]}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);

        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Count(r => !r.AnsweredWithFailure) == 1), "the replayed delivery");
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>("/api/admin/webhooks/dead-letters"))!);
        var again = await admin.PostAsync($"/api/admin/webhooks/dead-letters/{dead[0]!["id"]}/replay", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_subscription_naming_an_unknown_agency_or_event_is_refused_naming_the_fields()
    {
        await using var app = await StartAsync();
        using var admin = app.CreateAdminClient();

        var response = await admin.PostAsJsonAsync("/api/admin/subscriptions", new JsonObject
        {
            ["agencyCode"] = "dinas-tidak-ada",
            ["eventType"] = "ComplaintClosed",
            ["delivery"] = "webhook",
            ["webhookUrl"] = "ftp://example.go.id/hooks",
            ["ownAgencyOnly"] = true,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("agencyCode") && errors.ContainsKey("eventType") && errors.ContainsKey("webhookUrl")
            && errors.ContainsKey("ownAgencyOnly"), errors.ToJsonString());
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>("/api/admin/subscriptions"))!);
    }
}

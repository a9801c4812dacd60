using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;

namespace Gateway.Messaging.IntegrationTests;

/// <summary>
/// Agency apps that are not .NET: they read and publish the JSON documented in docs/events.md with
/// nothing but an AMQP client (here RabbitMQ.Client, standing in for php-amqplib or the Java client).
/// </summary>
public sealed class InteropTests(BrokerFixture broker, ITestOutputHelper output) : IClassFixture<BrokerFixture>
{
    private async Task<GatewayApp> StartAsync()
    {
        var app = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: broker.GatewaySettings(
            ("Complaints:Rules:0:Category", "jalan-*"),
            ("Complaints:Rules:0:AgencyCode", "dpupr")));
        await app.WaitForBusAsync();
        await app.CreateAgencyAsync("dpupr");
        return app;
    }

    [Fact]
    public async Task An_agency_with_an_amqp_subscription_reads_events_from_its_own_queue()
    {
        await using var app = await StartAsync();
        using var admin = app.CreateAdminClient();
        var subscribed = await admin.PostAsJsonAsync("/api/admin/subscriptions", new JsonObject
        {
            ["agencyCode"] = "dpupr",
            ["eventType"] = "ComplaintRouted",
            ["delivery"] = "amqp",
        });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var queue = (string)(await subscribed.Content.ReadFromJsonAsync<JsonObject>())!["subscription"]!["amqpQueue"]!;
        Assert.Equal("satupintu-agency-dpupr", queue);

        using var client = app.CreateClient();
        var filed = await client.PostAsJsonAsync("/api/complaints", new JsonObject
        {
            ["category"] = "jalan-rusak",
            ["class"] = "complex",
            ["subject"] = "Jalan amblas",
            ["description"] = "Jalan amblas 2 meter.",
        });
        var complaintId = (string)(await filed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        (string Body, IDictionary<string, object?> Headers, string? ContentType)? message = null;
        await Eventually.HoldsAsync(async () => (message = await RabbitMqBroker.GetAsync(broker.VirtualHost, queue)) is not null, "the event in the agency's queue");
        output.WriteLine(message!.Value.Body); // what docs/events.md shows as the example message
        Assert.Equal("application/vnd.masstransit+json", message.Value.ContentType);
        var envelope = JsonNode.Parse(message.Value.Body)!;
        Assert.Equal("urn:message:Gateway.Contracts.Events.V1:ComplaintRouted", (string?)envelope["messageType"]![0]);
        var routed = envelope["message"]!;
        Assert.Equal((string?)routed["eventId"], (string?)envelope["messageId"]);
        Assert.Equal(complaintId, (string?)routed["complaintId"]);
        Assert.Equal("dpupr", (string?)routed["agencyCode"]);
        Assert.Equal("complex", (string?)routed["class"]);
    }

    [Fact]
    public async Task A_complaint_a_lapor_connector_publishes_as_plain_json_is_routed()
    {
        await using var app = await StartAsync();
        var complaintId = Guid.NewGuid();
        var eventId = Guid.NewGuid();
        // Exactly the envelope docs/events.md tells a PHP or Java publisher to send.
        var body = $$"""
            {
              "messageId": "{{eventId}}",
              "messageType": ["urn:message:Gateway.Contracts.Events.V1:ComplaintFiled"],
              "message": {
                "eventId": "{{eventId}}",
                "occurredAt": "2026-11-23T01:30:00Z",
                "sourceAgency": "lapor",
                "correlationId": "{{complaintId}}",
                "complaintId": "{{complaintId}}",
                "channel": "lapor",
                "category": "jalan-berlubang",
                "class": "urgent",
                "subject": "Jalan berlubang besar",
                "description": "Dilaporkan lewat SP4N-LAPOR!",
                "externalReference": "LAPOR-2026-123456"
              }
            }
            """;
        await using (var connection = await RabbitMqBroker.Factory(broker.VirtualHost).CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", DeliveryMode = DeliveryModes.Persistent };
            await channel.BasicPublishAsync("Gateway.Contracts.Events.V1:ComplaintFiled", "", mandatory: false, properties, Encoding.UTF8.GetBytes(body));
        }

        using var admin = app.CreateAdminClient();
        JsonNode? complaint = null;
        await Eventually.HoldsAsync(async () =>
        {
            var all = await admin.GetFromJsonAsync<JsonArray>("/api/admin/complaints");
            complaint = all!.SingleOrDefault(c => (string?)c!["id"] == complaintId.ToString());
            return complaint is not null;
        }, "the LAPOR! complaint");
        Assert.Equal("routed", (string?)complaint!["status"]);
        Assert.Equal("dpupr", (string?)complaint["agencyCode"]);
        Assert.Equal("lapor", (string?)complaint["channel"]);
        Assert.Equal("LAPOR-2026-123456", (string?)complaint["externalReference"]);
    }
}

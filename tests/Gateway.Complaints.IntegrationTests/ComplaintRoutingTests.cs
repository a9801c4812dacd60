using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Complaints.IntegrationTests;

/// <summary>A gateway with routing rules for two agencies, one of which the catalogue does not know.</summary>
public abstract class ComplaintGateway(DatabaseKind database) : IAsyncLifetime
{
    public GatewayApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await GatewayApp.StartAsync(database, settings: new Dictionary<string, string?>
        {
            ["Complaints:Rules:0:Category"] = "jalan-*",
            ["Complaints:Rules:0:AgencyCode"] = "dpupr",
            ["Complaints:Rules:1:Category"] = "sampah",
            ["Complaints:Rules:1:AgencyCode"] = "dlh", // not registered
            ["Complaints:OverdueCheckSeconds"] = "1",
        });
        await App.CreateAgencyAsync("dpupr");
        await App.CreateAgencyAsync("dishub");
    }

    /// <summary>Files a complaint that the rules send to DPUPR, and waits until it is there; returns its id.</summary>
    public async Task<string> FileRoutedToDpuprAsync(string subject)
    {
        using var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/complaints", new JsonObject
        {
            ["category"] = "jalan-rusak",
            ["class"] = "simple",
            ["subject"] = subject,
            ["description"] = "Aspal amblas sepanjang lima meter, membahayakan pengendara.",
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await Eventually.HoldsAsync(async () => (string?)(await client.GetFromJsonAsync<JsonObject>($"/api/complaints/{id}"))!["status"] == "routed",
            "the complaint to reach DPUPR");
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteComplaintGateway() : ComplaintGateway(DatabaseKind.Sqlite);

public sealed class PostgresComplaintGateway() : ComplaintGateway(DatabaseKind.Postgres);

public abstract class ComplaintRoutingTests(ComplaintGateway fixture)
{
    private GatewayApp App => fixture.App;

    private static JsonObject Complaint(string category, string complaintClass = "urgent") => new()
    {
        ["category"] = category,
        ["class"] = complaintClass,
        ["subject"] = "Jalan berlubang di depan sekolah",
        ["description"] = "Lubang sedalam 20 cm, sudah dua motor jatuh minggu ini.",
        ["location"] = "Jl. Soekarno-Hatta No. 100",
        ["reporterContact"] = "+6281200000000",
    };

    private async Task<JsonObject> FileAndWaitAsync(JsonObject complaint)
    {
        using var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/complaints", complaint);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var filed = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("filed", (string?)filed["status"]);
        var location = response.Headers.Location!.ToString();
        JsonObject? current = null;
        await Eventually.HoldsAsync(async () =>
        {
            current = await client.GetFromJsonAsync<JsonObject>(location);
            return (string?)current!["status"] != "filed";
        }, "the complaint to be routed", TimeSpan.FromSeconds(10));
        return current!;
    }

    [Fact]
    public async Task A_complaint_is_routed_by_its_category_with_a_deadline_and_announced()
    {
        var routed = await FileAndWaitAsync(Complaint("jalan-rusak", "urgent"));

        Assert.Equal("routed", (string?)routed["status"]);
        Assert.Equal("dpupr", (string?)routed["agencyCode"]);
        Assert.EndsWith("Z", (string?)routed["filedAt"], StringComparison.Ordinal); // UTC, read back from the database
        Assert.EndsWith("Z", (string?)routed["responseDueAt"], StringComparison.Ordinal);
        var filedAt = DateTime.Parse((string)routed["filedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        var due = DateTime.Parse((string)routed["responseDueAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(due - filedAt, TimeSpan.FromDays(2), TimeSpan.FromDays(4)); // 2 working days, maybe over a weekend
        Assert.Equal(1, await OutboxCountAsync("ComplaintRouted", (string)routed["id"]!));
    }

    [Theory]
    [InlineData("lampu-mati", "no routing rule")]
    [InlineData("sampah", "not registered")]
    public async Task A_complaint_no_rule_can_route_lands_in_the_diskominfo_queue(string category, string reason)
    {
        var routed = await FileAndWaitAsync(Complaint(category, "simple"));

        Assert.Equal("unrouted", (string?)routed["status"]);
        Assert.Equal("diskominfo", (string?)routed["agencyCode"]);
        using var admin = App.CreateAdminClient();
        var queue = await admin.GetFromJsonAsync<JsonArray>("/api/admin/complaints?status=unrouted");
        var entry = queue!.Single(c => (string?)c!["id"] == (string?)routed["id"])!;
        Assert.Contains(reason, (string?)entry["routingNote"], StringComparison.Ordinal);
        Assert.Equal("+6281200000000", (string?)entry["reporterContact"]);
    }

    [Fact]
    public async Task An_administrator_assigns_a_queued_complaint_which_is_announced_and_recorded_with_who_did_it()
    {
        var queued = await FileAndWaitAsync(Complaint("lampu-mati", "simple"));
        var id = (string)queued["id"]!;
        using var admin = App.CreateAdminClient();

        var unknownAgency = await admin.PostAsJsonAsync($"/api/admin/complaints/{id}/assign", new { agencyCode = "dinsos" });
        var unknownComplaint = await admin.PostAsJsonAsync($"/api/admin/complaints/{Guid.NewGuid()}/assign", new { agencyCode = "dpupr" });
        var assigned = await admin.PostAsJsonAsync($"/api/admin/complaints/{id}/assign", new { agencyCode = "dpupr", note = "lampu jalan diurus DPUPR" });

        Assert.Equal(HttpStatusCode.BadRequest, unknownAgency.StatusCode);
        var problem = await unknownAgency.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("dinsos", (string?)problem!["errors"]!["agencyCode"]![0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownComplaint.StatusCode);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var view = (await assigned.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("routed", (string?)view["status"]);
        Assert.Equal("dpupr", (string?)view["agencyCode"]);
        Assert.Contains("lampu jalan diurus DPUPR", (string?)view["routingNote"], StringComparison.Ordinal);
        Assert.Equal((string?)queued["responseDueAt"], (string?)view["responseDueAt"]); // the deadline runs from the filing
        Assert.Equal(2, await OutboxCountAsync("ComplaintRouted", id)); // to the queue, then to DPUPR

        // The audit trail: who moved it from where to where, and who read the list with the reporters' contacts.
        await admin.GetFromJsonAsync<JsonArray>("/api/admin/complaints?status=routed");
        var records = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?action=complaints.complaint.assigned&targetId={id}"))!["items"]!.AsArray();
        var change = Assert.Single(records)!["summary"]![0]!["fields"]!["AgencyCode"]!;
        Assert.Equal("diskominfo", (string?)change["before"]);
        Assert.Equal("dpupr", (string?)change["after"]);
        var lists = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?action=complaints.complaint.listed"))!["items"]!.AsArray();
        Assert.Contains(lists, r => r!["summary"]!["filters"]!["status"]?.GetValue<string>() == "routed");
    }

    [Fact]
    public async Task An_invalid_complaint_is_refused_naming_each_field_and_nothing_is_stored()
    {
        var before = await OutboxCountAsync("ComplaintFiled", null);
        var complaint = Complaint("Jalan Rusak!");
        complaint.Remove("subject");
        complaint["class"] = "sangat-penting";
        using var client = App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/complaints?lang=en", complaint);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("class"), problem.ToJsonString());

        complaint["class"] = "urgent";
        response = await client.PostAsJsonAsync("/api/complaints", complaint);
        problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var errors = problem!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("subject") && errors.ContainsKey("category"), problem.ToJsonString());
        Assert.Contains("huruf kecil", errors["category"]![0]!.GetValue<string>(), StringComparison.Ordinal); // Indonesian by default
        Assert.Equal(before, await OutboxCountAsync("ComplaintFiled", null));
    }

    private async Task<int> OutboxCountAsync(string eventType, string? complaintId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var rows = db.Outbox.Where(m => m.EventType == eventType);
        if (complaintId is not null)
        {
            rows = rows.Where(m => m.AggregateKey == "complaint:" + complaintId);
        }

        return await rows.CountAsync();
    }
}

public sealed class SqliteComplaintRoutingTests(SqliteComplaintGateway fixture)
    : ComplaintRoutingTests(fixture), IClassFixture<SqliteComplaintGateway>;

public sealed class PostgresComplaintRoutingTests(PostgresComplaintGateway fixture)
    : ComplaintRoutingTests(fixture), IClassFixture<PostgresComplaintGateway>;

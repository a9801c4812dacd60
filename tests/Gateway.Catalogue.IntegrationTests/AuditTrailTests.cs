using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Audit.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Catalogue.IntegrationTests;

/// <summary>
/// The audit trail of catalogue administration: every change recorded with who, what (before and after,
/// no secrets), when and from where, in the same transaction as the change; chained by hash, so an edited,
/// deleted or reordered record is found by verification.
/// </summary>
public abstract class AuditTrailTests(DatabaseKind database)
{
    private static async Task<JsonElement> SearchAsync(HttpClient admin, string query)
    {
        var response = await admin.GetAsync("/api/admin/audit?" + query);
        await response.EnsureSuccessAsync();
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/admin/audit/verify", null);
        await response.EnsureSuccessAsync();
        return await response.JsonAsync();
    }

    /// <summary>Makes <paramref name="changes"/> agency changes and waits until every record is sealed into the chain.</summary>
    private static async Task<HttpClient> SealedChainAsync(GatewayApp app, int changes)
    {
        var admin = app.CreateAdminClient();
        for (var i = 0; i < changes; i++)
        {
            await app.CreateAgencyAsync("a" + Guid.NewGuid().ToString("N")[..8]);
        }

        await Eventually.HoldsAsync(async () => (await VerifyAsync(admin)).GetProperty("pending").GetInt32() == 0, "every audit record to be sealed");
        var report = await VerifyAsync(admin);
        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
        Assert.True(report.GetProperty("checked").GetInt64() >= changes);
        return admin;
    }

    private static async Task TamperAsync(GatewayApp app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        Assert.True(await db.Database.ExecuteSqlRawAsync(sql) > 0, $"tampering changed nothing: {sql}");
    }

    [Fact]
    public async Task Catalogue_changes_are_recorded_with_actor_address_trace_and_before_after_and_failed_changes_leave_no_record()
    {
        await using var app = await GatewayApp.StartAsync(database);
        using var admin = app.CreateAdminClient();
        var code = "au" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateAgencyAsync(code);
        var renamed = TestData.Agency(code);
        renamed["name"] = new JsonObject { ["id"] = "Dinas Baru", ["en"] = "New office" };
        await (await admin.PutAsJsonAsync($"/api/admin/agencies/{code}", renamed)).EnsureSuccessAsync();
        const string secret = "upstream-password-never-in-the-audit";
        var exposure = TestData.Exposure(new Uri("http://127.0.0.1:9/"));
        exposure["upstreamAuth"] = new JsonObject { ["kind"] = "basic", ["username"] = "gw", ["secret"] = secret };
        await (await admin.PostAsJsonAsync("/api/admin/services", TestData.Service("svc-" + code, code, exposure))).EnsureSuccessAsync();

        // Refused changes: a duplicate agency, an agency that still has services, an invalid one.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/admin/agencies", TestData.Agency(code))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/admin/agencies/{code}")).StatusCode);
        var invalid = TestData.Agency(code);
        invalid["name"] = null;
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/admin/agencies/{code}", invalid)).StatusCode);

        var agencyRecords = (await SearchAsync(admin, $"targetType=agency&targetId={code}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["catalogue.agency.updated", "catalogue.agency.created"], agencyRecords.Select(r => r.GetProperty("action").GetString()));
        var updated = agencyRecords[0];
        var actor = updated.GetProperty("actor");
        Assert.Equal("admin-key", actor.GetProperty("subject").GetString());
        Assert.Equal("admin", actor.GetProperty("role").GetString());
        Assert.Equal("127.0.0.1", actor.GetProperty("address").GetString());
        Assert.Matches("^[0-9a-f]{32}$", updated.GetProperty("traceId").GetString()!);
        var name = updated.GetProperty("summary")[0].GetProperty("fields").GetProperty("Name");
        Assert.Contains("Dinas " + code, name.GetProperty("before").ToString(), StringComparison.Ordinal);
        Assert.Contains("Dinas Baru", name.GetProperty("after").ToString(), StringComparison.Ordinal);

        var service = Assert.Single((await SearchAsync(admin, $"action=catalogue.service&targetId=svc-{code}")).GetProperty("items").EnumerateArray());
        Assert.Equal("catalogue.service.created", service.GetProperty("action").GetString());
        Assert.Contains("Exposure", service.GetProperty("summary").ToString(), StringComparison.Ordinal);
        var export = await admin.GetAsync($"/api/admin/audit/export?targetId=svc-{code}");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = await export.Content.ReadAsStringAsync();
        Assert.StartsWith("id,sequence,occurred_at,actor_subject", csv, StringComparison.Ordinal);
        Assert.Contains("catalogue.service.created", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, (await SearchAsync(admin, "pageSize=500")).ToString(), StringComparison.Ordinal);

        // Reading the trail is recorded too: it holds who did what from where.
        Assert.NotEmpty((await SearchAsync(admin, "action=audit.exported")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Accounts_clients_and_subscriptions_administration_is_recorded_without_secrets()
    {
        await using var app = await GatewayApp.StartAsync(database);
        using var admin = app.CreateAdminClient();
        var agency = "ad" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateAgencyAsync(agency);

        var created = await admin.PostAsJsonAsync("/api/admin/accounts", new JsonObject
        {
            ["role"] = "officer",
            ["fullName"] = "Petugas Audit",
            ["email"] = $"{agency}@example.org",
            ["agencyCode"] = agency,
        });
        await created.EnsureSuccessAsync();
        var account = await created.JsonAsync();
        var accountId = account.GetProperty("account").GetProperty("id").GetString()!;
        await (await admin.PostAsync($"/api/admin/accounts/{accountId}/disable", null)).EnsureSuccessAsync();
        var clientId = "audit-" + agency;
        await app.RegisterClientAsync(SignOn.PublicClient(clientId, "https://app.example.go.id/callback"));
        await (await admin.DeleteAsync($"/api/admin/clients/{clientId}")).EnsureSuccessAsync();
        var subscribed = await admin.PostAsJsonAsync("/api/admin/subscriptions", new JsonObject
        {
            ["agencyCode"] = agency,
            ["eventType"] = "ComplaintRouted",
            ["delivery"] = "webhook",
            ["webhookUrl"] = "http://127.0.0.1:9/hook",
        });
        await subscribed.EnsureSuccessAsync();
        var subscription = await subscribed.JsonAsync();
        var subscriptionId = subscription.GetProperty("subscription").GetProperty("id").GetString()!;
        await (await admin.DeleteAsync($"/api/admin/subscriptions/{subscriptionId}")).EnsureSuccessAsync();

        async Task<List<string?>> ActionsOn(string targetId) =>
            [.. (await SearchAsync(admin, $"targetId={targetId}")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("action").GetString())];
        Assert.Equal(["identity.account.disabled", "identity.account.created"], await ActionsOn(accountId));
        Assert.Equal(["identity.client.deleted", "identity.client.created"], await ActionsOn(clientId));
        Assert.Equal(["messaging.subscription.deleted", "messaging.subscription.created"], await ActionsOn(subscriptionId));

        var trail = (await SearchAsync(admin, "pageSize=500")).ToString();
        Assert.DoesNotContain(account.GetProperty("temporaryPassword").GetString()!, trail, StringComparison.Ordinal);
        Assert.DoesNotContain(subscription.GetProperty("secret").GetString()!, trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_record_is_found_by_verification()
    {
        await using var app = await GatewayApp.StartAsync(database);
        using var admin = await SealedChainAsync(app, 4);

        await TamperAsync(app, "UPDATE audit_records SET target_id = 'someone-else' WHERE sequence = 2");

        var broken = (await VerifyAsync(admin)).GetProperty("firstBroken");
        Assert.Equal(2, broken.GetProperty("sequence").GetInt64());
        Assert.Equal("edited", broken.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_deleted_record_is_found_by_verification_in_the_middle_and_at_the_end()
    {
        await using var app = await GatewayApp.StartAsync(database);
        using var admin = await SealedChainAsync(app, 4);

        await TamperAsync(app, "DELETE FROM audit_records WHERE sequence = (SELECT MAX(sequence) FROM audit_records)");
        var atTheEnd = await VerifyAsync(admin);
        Assert.False(atTheEnd.GetProperty("valid").GetBoolean());
        Assert.Equal("missing", atTheEnd.GetProperty("firstBroken").GetProperty("reason").GetString());

        await TamperAsync(app, "DELETE FROM audit_records WHERE sequence = 2");
        var broken = (await VerifyAsync(admin)).GetProperty("firstBroken");
        Assert.Equal(2, broken.GetProperty("sequence").GetInt64());
        Assert.Equal("missing", broken.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Reordered_records_are_found_by_verification()
    {
        await using var app = await GatewayApp.StartAsync(database);
        using var admin = await SealedChainAsync(app, 4);

        // Swap positions 2 and 3 (through a free position: the positions are unique).
        await TamperAsync(app, "UPDATE audit_records SET sequence = -1 WHERE sequence = 2");
        await TamperAsync(app, "UPDATE audit_records SET sequence = 2 WHERE sequence = 3");
        await TamperAsync(app, "UPDATE audit_records SET sequence = 3 WHERE sequence = -1");

        var broken = (await VerifyAsync(admin)).GetProperty("firstBroken");
        Assert.Equal(2, broken.GetProperty("sequence").GetInt64());
        Assert.Equal("out-of-order", broken.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Records_past_retention_are_pruned_leaving_an_anchor_from_which_the_kept_chain_still_verifies()
    {
        // Sealing by hand (the sealer's own round is an hour away), to age two records before they are sealed.
        await using var app = await GatewayApp.StartAsync(database, settings: new Dictionary<string, string?> { ["Audit:SealSeconds"] = "3600" });
        using var admin = app.CreateAdminClient();
        await app.CreateAgencyAsync("old" + Guid.NewGuid().ToString("N")[..6]);
        await app.CreateAgencyAsync("old" + Guid.NewGuid().ToString("N")[..6]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            foreach (var record in await db.Records.Where(r => r.Sequence == null).ToListAsync())
            {
                record.OccurredAt = record.OccurredAt.AddDays(-2000); // older than the five years kept by default
            }

            await db.SaveChangesAsync();
        }

        await app.CreateAgencyAsync("new" + Guid.NewGuid().ToString("N")[..6]);
        await app.CreateAgencyAsync("new" + Guid.NewGuid().ToString("N")[..6]);
        await app.Services.GetRequiredService<Gateway.Audit.Chain.AuditSealer>().SealBatchAsync(CancellationToken.None);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var pruner = scope.ServiceProvider.GetRequiredService<Gateway.Audit.Chain.AuditPruner>();
            Assert.Equal(2, await pruner.PruneAsync(scope.ServiceProvider.GetRequiredService<AuditDbContext>(), CancellationToken.None));
        }

        var report = await VerifyAsync(admin);
        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
        Assert.Equal(2, report.GetProperty("checked").GetInt64());
        Assert.Equal(2, report.GetProperty("prunedThrough").GetInt64());

        // Everything pruned: the chain goes on from the anchor, and still verifies.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            Assert.Equal(2, await db.Records.Where(r => r.Sequence <= 4).ExecuteDeleteAsync());
            db.Anchors.Single().Sequence = 4;
            db.Anchors.Single().Hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
            await db.SaveChangesAsync();
        }

        await app.CreateAgencyAsync("next" + Guid.NewGuid().ToString("N")[..6]);
        await app.Services.GetRequiredService<Gateway.Audit.Chain.AuditSealer>().SealBatchAsync(CancellationToken.None);
        var resumed = await VerifyAsync(admin);
        Assert.True(resumed.GetProperty("valid").GetBoolean(), resumed.ToString());
        Assert.Equal(4, resumed.GetProperty("prunedThrough").GetInt64());

        // The kept records are still protected by the chain that starts at the anchor.
        await TamperAsync(app, "UPDATE audit_records SET action = 'catalogue.agency.deleted' WHERE sequence = 5");
        var broken = (await VerifyAsync(admin)).GetProperty("firstBroken");
        Assert.Equal(5, broken.GetProperty("sequence").GetInt64());
        Assert.Equal("edited", broken.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_day_s_head_is_published_and_a_page_size_out_of_range_is_refused_naming_it()
    {
        await using var app = await GatewayApp.StartAsync(database);
        using var admin = await SealedChainAsync(app, 2);

        var heads = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit/heads");
        var today = Assert.Single(heads.EnumerateArray());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), today.GetProperty("day").GetString());
        Assert.Matches("^[0-9a-f]{64}$", today.GetProperty("hash").GetString()!);

        var refused = await admin.GetAsync("/api/admin/audit?pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("pageSize", out _));
    }
}

public sealed class SqliteAuditTrailTests() : AuditTrailTests(DatabaseKind.Sqlite);

public sealed class PostgresAuditTrailTests() : AuditTrailTests(DatabaseKind.Postgres);

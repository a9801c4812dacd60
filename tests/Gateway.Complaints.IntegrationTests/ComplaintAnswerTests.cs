using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Complaints.Persistence;
using Gateway.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Complaints.IntegrationTests;

/// <summary>
/// A complaint after routing: the agency's officers answer and close it (only their agency's), the complainant
/// reads the answer by the complaint's tracking code and may reopen it once, and a missed deadline is announced.
/// </summary>
public abstract class ComplaintAnswerTests(ComplaintGateway fixture)
{
    private GatewayApp App => fixture.App;

    private Task<string> FileRoutedToDpuprAsync() => fixture.FileRoutedToDpuprAsync("Jalan amblas di Jl. Cibaduyut");

    private async Task<JsonObject> StatusAsync(string id)
    {
        using var client = App.CreateClient();
        return (await client.GetFromJsonAsync<JsonObject>($"/api/complaints/{id}"))!;
    }

    private static Task<HttpResponseMessage> PostAsync(BrowserSession staff, string path, object? body = null) =>
        staff.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) });

    private async Task<HttpResponseMessage> ReopenAsync(string id, string? reason)
    {
        using var client = App.CreateClient();
        return await client.PostAsJsonAsync($"/api/complaints/{id}/reopen", new { reason });
    }

    [Fact]
    public async Task The_agency_answers_and_closes_its_complaint_and_the_complainant_reads_the_answer_and_reopens_it_once()
    {
        var id = await FileRoutedToDpuprAsync();
        var (officer, dpupr) = await App.SignedInAsync("officer", "dpupr");
        var (_, dishub) = await App.SignedInAsync("officer", "dishub");
        using var _ = dpupr;
        using var __ = dishub;

        // Only DPUPR's officers see and answer it.
        var ours = await (await dpupr.GetAsync("/api/agency/complaints")).Content.ReadFromJsonAsync<JsonArray>();
        var theirs = await (await dishub.GetAsync("/api/agency/complaints")).Content.ReadFromJsonAsync<JsonArray>();
        Assert.Contains(ours!, c => (string?)c!["id"] == id);
        Assert.DoesNotContain(theirs!, c => (string?)c!["id"] == id);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(dishub, $"/api/agency/complaints/{id}/answer", new { answer = "Bukan urusan kami, maaf." })).StatusCode);

        var tooShort = await PostAsync(dpupr, $"/api/agency/complaints/{id}/answer", new { answer = "Ok" });
        var closedEarly = await PostAsync(dpupr, $"/api/agency/complaints/{id}/close");
        var reopenedEarly = await ReopenAsync(id, "Belum dijawab sama sekali");
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.True((await tooShort.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("answer"));
        Assert.Equal(HttpStatusCode.Conflict, closedEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reopenedEarly.StatusCode);

        var answered = await PostAsync(dpupr, $"/api/agency/complaints/{id}/answer", new { answer = "Tim kami menambal jalan tersebut pada hari Kamis." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(officer.Id.ToString(), (string?)(await answered.Content.ReadFromJsonAsync<JsonObject>())!["answeredBy"]);
        var seen = await StatusAsync(id);
        Assert.Equal("answered", (string?)seen["status"]);
        Assert.Equal("Tim kami menambal jalan tersebut pada hari Kamis.", (string?)seen["answer"]);
        Assert.True((bool)seen["canReopen"]!);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(dpupr, $"/api/agency/complaints/{id}/close")).StatusCode);
        Assert.Equal("closed", (string?)(await StatusAsync(id))["status"]);

        // Not satisfied: back with DPUPR, with a new deadline; once only.
        var noReason = await ReopenAsync(id, " ");
        var reopened = await ReopenAsync(id, "Lubangnya masih ada, hanya ditimbun tanah.");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("reason"));
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        var back = await StatusAsync(id);
        Assert.Equal("reopened", (string?)back["status"]);
        Assert.False((bool)back["canReopen"]!);
        Assert.True(DateTime.Parse((string)back["responseDueAt"]!, System.Globalization.CultureInfo.InvariantCulture) > DateTime.UtcNow.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(dpupr, $"/api/agency/complaints/{id}/answer", new { answer = "Sudah diaspal ulang, mohon dicek kembali." })).StatusCode);
        var again = await ReopenAsync(id, "Masih belum memuaskan juga.");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        // Every step announced and audited: answered, closed, reopened, answered.
        Assert.Equal(4, await OutboxCountAsync("ComplaintStatusChanged", id));
        using var admin = App.CreateAdminClient();
        var records = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?action=complaints.complaint&targetId={id}"))!["items"]!.AsArray();
        var actions = records.Select(r => (string?)r!["action"]).ToList();
        Assert.Equal(2, actions.Count(a => a == "complaints.complaint.answered"));
        Assert.Contains("complaints.complaint.closed", actions);
        Assert.Contains("complaints.complaint.reopened", actions);
    }

    [Fact]
    public async Task A_complaint_past_its_deadline_without_an_answer_is_announced_as_overdue_once()
    {
        var id = await FileRoutedToDpuprAsync();
        await PassDeadlineAsync(id);

        await Eventually.HoldsAsync(async () => await OutboxCountAsync("ComplaintOverdue", id) > 0, "the overdue check (every second here)");
        Assert.True((bool)(await StatusAsync(id))["overdue"]!);
        using var admin = App.CreateAdminClient();
        var late = await admin.GetFromJsonAsync<JsonArray>("/api/admin/complaints?overdue=true");
        Assert.Contains(late!, c => (string?)c!["id"] == id);

        // A later check, which announces a second late complaint, still finds the first announced once.
        var later = await FileRoutedToDpuprAsync();
        await PassDeadlineAsync(later);
        await Eventually.HoldsAsync(async () => await OutboxCountAsync("ComplaintOverdue", later) > 0, "a later overdue check");
        Assert.Equal(1, await OutboxCountAsync("ComplaintOverdue", id));
    }

    [Fact]
    public async Task A_complaint_filed_signed_in_is_kept_with_the_citizen_who_sees_it_and_who_handled_it()
    {
        var (citizen, portal) = await App.SignedInAsync("citizen");
        using var _ = portal;
        var filed = await portal.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = JsonContent.Create(new { category = "jalan-rusak", @class = "simple", subject = "Trotoar rusak", description = "Paving lepas di depan SD." }),
        });
        Assert.Equal(HttpStatusCode.Accepted, filed.StatusCode);
        var id = (string)(await filed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var anonymous = await FileRoutedToDpuprAsync();

        var mine = await (await portal.GetAsync("/api/complaints/mine")).Content.ReadFromJsonAsync<JsonArray>();
        Assert.Contains(mine!, c => (string?)c!["id"] == id);
        Assert.DoesNotContain(mine!, c => (string?)c!["id"] == anonymous);
        using (var nobody = App.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.GetAsync("/api/complaints/mine")).StatusCode);
        }

        // DPUPR's officer reads and answers it: the citizen's own data page names both.
        await Eventually.HoldsAsync(async () => (string?)(await StatusAsync(id))["status"] == "routed", "the complaint to reach DPUPR");
        var (_, dpupr) = await App.SignedInAsync("officer", "dpupr");
        using var __ = dpupr;
        await dpupr.GetAsync("/api/agency/complaints");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(dpupr, $"/api/agency/complaints/{id}/answer", new { answer = "Paving dipasang kembali besok pagi." })).StatusCode);
        var access = await (await portal.GetAsync("/api/me/data-access")).Content.ReadFromJsonAsync<JsonArray>();
        var actions = access!.Select(e => (string?)e!["action"]).ToList();
        Assert.Contains("complaints.complaint.read", actions);
        Assert.Contains("complaints.complaint.answered", actions);
        Assert.Contains(access!, e => (string?)e!["who"] == "Petugas DPUPR");

        // ...and is told: where it went, then DPUPR's answer, on her list and by e-mail.
        var notices = (await (await portal.GetAsync("/api/me/notifications")).Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        var about = notices.Where(n => (string?)n!["reference"] == id).ToList();
        Assert.Equal(["answered", "routed"], about.Select(n => (string?)n!["status"]));
        Assert.Equal("Pengaduan Anda dijawab oleh DPUPR", (string?)about[0]!["title"]);
        Assert.Equal("Paving dipasang kembali besok pagi.", (string?)about[0]!["text"]);
        await Eventually.HoldsAsync(() => Task.FromResult(App.MessagesTo(citizen.Email!).Any(m => m.Contains("Paving dipasang kembali", StringComparison.Ordinal))),
            "the answer to be e-mailed");
        Assert.DoesNotContain(notices, n => (string?)n!["reference"] == anonymous);
    }

    private async Task PassDeadlineAsync(string id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        await db.Complaints.Where(c => c.Id == Guid.Parse(id))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ResponseDueAt, DateTime.UtcNow.AddMinutes(-1)), TestContext.Current.CancellationToken);
    }

    private async Task<int> OutboxCountAsync(string eventType, string complaintId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return await db.Outbox.CountAsync(m => m.EventType == eventType && m.AggregateKey == "complaint:" + complaintId);
    }
}

public sealed class SqliteComplaintAnswerTests(SqliteComplaintGateway fixture)
    : ComplaintAnswerTests(fixture), IClassFixture<SqliteComplaintGateway>;

public sealed class PostgresComplaintAnswerTests(PostgresComplaintGateway fixture)
    : ComplaintAnswerTests(fixture), IClassFixture<PostgresComplaintGateway>;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.Adapters.Sdk.Protocol;
using Gateway.Messaging.Outbox;
using Gateway.Platform.Agencies;
using Gateway.Platform.Calendar;
using Gateway.Platform.Security;
using Gateway.Requests.Adapters;
using Gateway.Requests.Dispatch;
using Gateway.Requests.Persistence;
using Gateway.Requests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gateway.Requests.IntegrationTests;

/// <summary>A citizen applies through the one API; the adapter files it in SIAK; statuses flow back.</summary>
public sealed class ServiceRequestTests(RequestGateway fixture) : IClassFixture<RequestGateway>
{
    private GatewayApp App => fixture.App;

    /// <summary>Waits until SIAK has the request; returns its case number there.</summary>
    private static async Task<string> FiledAsync(BrowserSession citizen, string tracking)
    {
        string? reference = null;
        await Eventually.HoldsAsync(async () =>
        {
            reference = Text(await GetAsync(citizen, $"/api/requests/{tracking}"), "agencyReference");
            return reference is not null;
        }, "the request to be filed in SIAK");
        return reference!;
    }

    private static JsonObject Answers(string name = "Aditya Pratama") => new()
    {
        ["service"] = RequestGatewayBase.ServiceSlug,
        ["fields"] = new JsonObject { ["nama_anak"] = name, ["tanggal_lahir"] = "2026-11-02", ["nik_ibu"] = "3273015708900001", ["anak_ke"] = 2 },
    };

    /// <summary>A string property, or null when absent (the gateway leaves out null members).</summary>
    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task<JsonElement> GetAsync(BrowserSession who, string url)
    {
        var response = await who.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task A_submitted_request_gets_a_tracking_number_and_deadline_is_filed_in_siak_and_its_status_flows_back()
    {
        var (_, citizen) = await App.SignedInAsync("citizen");

        var response = await citizen.ApplyAsync(Answers());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var tracking = created.GetProperty("trackingNumber").GetString()!;
        Assert.Matches(new Regex(@"^BDG-DISDUKCAPIL-20\d\d-\d{6}$"), tracking);
        Assert.Equal("submitted", created.GetProperty("status").GetString());
        Assert.Equal("Diajukan", created.GetProperty("statusLabel").GetString());
        var submittedAt = created.GetProperty("submittedAt").GetDateTime();
        var calendar = App.Services.GetRequiredService<WorkingCalendar>();
        var expectedDue = calendar.AddWorkingDays(new DateTimeOffset(submittedAt, TimeSpan.Zero), 3).UtcDateTime;
        Assert.Equal(expectedDue, created.GetProperty("dueAt").GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal("2", created.GetProperty("fields").GetProperty("anak_ke").GetString());

        var reference = await FiledAsync(citizen, tracking);
        var legacyCase = fixture.Siak.Cases.Find(reference)!;
        Assert.Equal(tracking, legacyCase.ClientReference);
        Assert.Equal("Aditya Pratama", legacyCase.Data["nama_anak"]);

        // Her NIK and answers left the gateway for the agency's system: her own page says so.
        var mine = (await GetAsync(citizen, "/api/me/data-access")).EnumerateArray().ToList();
        Assert.Contains(mine, e => Text(e, "action") == "requests.request.sent" && Text(e, "trackingNumber") == tracking
            && Text(e, "agency") == RequestGatewayBase.Agency && Text(e, "who") == "Sistem DISDUKCAPIL");

        legacyCase.Note = "Berkas lengkap";
        legacyCase.Status = "VERIFIKASI";
        await Eventually.HoldsAsync(async () =>
            (await GetAsync(citizen, $"/api/requests/{tracking}")).GetProperty("status").GetString() == "verified", "SIAK's status to come back");
        var final = await GetAsync(citizen, $"/api/requests/{tracking}");
        var timeline = final.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["submitted", "verified"], timeline.Select(t => t.GetProperty("status").GetString()));
        Assert.Equal("Berkas lengkap", Text(timeline[1], "note"));
        Assert.False(final.GetProperty("canCancel").GetBoolean());
    }

    [Fact]
    public async Task A_retried_submit_with_the_same_key_creates_one_request_and_a_reused_key_for_other_answers_is_refused()
    {
        var (user, citizen) = await App.SignedInAsync("citizen");
        var key = Guid.NewGuid().ToString();

        var first = await citizen.ApplyAsync(Answers(), key);
        var retry = await citizen.ApplyAsync(Answers(), key);
        var different = await citizen.ApplyAsync(Answers("Bunga Lestari"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("trackingNumber").GetString(), (await retry.JsonAsync()).GetProperty("trackingNumber").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Equal("urn:satupintu:problem:unprocessable", (await different.JsonAsync()).GetProperty("type").GetString());
        var mine = await GetAsync(citizen, "/api/requests");
        Assert.Equal(1, mine.GetProperty("total").GetInt32());
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        Assert.Equal(1, await db.Requests.CountAsync(r => r.CitizenId == user.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Bad_answers_are_refused_field_by_field_in_the_citizens_language_and_nothing_is_stored()
    {
        var (user, citizen) = await App.SignedInAsync("citizen");
        var body = new JsonObject
        {
            ["service"] = RequestGatewayBase.ServiceSlug,
            ["fields"] = new JsonObject { ["tanggal_lahir"] = "2026-11-02", ["nik_ibu"] = "12345", ["warna_favorit"] = "biru" },
        };

        var response = await citizen.ApplyAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("Wajib diisi.", errors.GetProperty("fields.nama_anak")[0].GetString());
        Assert.Equal("Formatnya tidak sesuai.", errors.GetProperty("fields.nik_ibu")[0].GetString());
        Assert.True(errors.TryGetProperty("fields.warna_favorit", out _));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        Assert.Equal(0, await db.Requests.CountAsync(r => r.CitizenId == user.Id, TestContext.Current.CancellationToken));

        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/requests?lang=en") { Content = JsonContent.Create(body) };
        var inEnglish = await (await citizen.SendAsync(english)).JsonAsync();
        Assert.Equal("Is required.", inEnglish.GetProperty("errors").GetProperty("fields.nama_anak")[0].GetString());
    }

    [Fact]
    public async Task A_service_without_an_adapter_or_unknown_takes_no_requests_and_says_so()
    {
        var (_, citizen) = await App.SignedInAsync("citizen");

        var unknown = await citizen.ApplyAsync(new JsonObject { ["service"] = "tidak-ada", ["fields"] = new JsonObject() });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("tidak-ada", (await unknown.JsonAsync()).GetProperty("errors").GetProperty("service")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_citizens_apply_and_each_sees_only_their_own_requests()
    {
        var (_, owner) = await App.SignedInAsync("citizen");
        var (_, stranger) = await App.SignedInAsync("citizen");
        var tracking = (await (await owner.ApplyAsync(Answers())).JsonAsync()).GetProperty("trackingNumber").GetString();
        using var anonymous = App.CreateClient();

        var strangers = await stranger.GetAsync($"/api/requests/{tracking}");
        var nobody = await anonymous.PostAsJsonAsync("/api/requests", Answers());

        Assert.Equal(HttpStatusCode.NotFound, strangers.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
    }

    [Fact]
    public async Task While_siak_is_down_the_request_waits_visibly_and_is_filed_once_when_siak_is_back()
    {
        var (_, citizen) = await App.SignedInAsync("citizen");
        using var admin = App.CreateAdminClient();
        await fixture.Siak.StopAsync(TestContext.Current.CancellationToken);
        string tracking;
        try
        {
            tracking = (await (await citizen.ApplyAsync(Answers())).JsonAsync()).GetProperty("trackingNumber").GetString()!;
            await Eventually.HoldsAsync(async () =>
            {
                var stuck = await admin.GetFromJsonAsync<JsonElement>("/api/admin/requests?problem=true&agency=disdukcapil", TestContext.Current.CancellationToken);
                return stuck.EnumerateArray().Any(r => r.GetProperty("trackingNumber").GetString() == tracking
                    && r.GetProperty("dispatch").GetString() == "pending" && r.GetProperty("dispatchAttempts").GetInt32() >= 1);
            }, "the request to show as pending with its problem");
        }
        finally
        {
            await fixture.Siak.StartAsync(TestContext.Current.CancellationToken);
        }

        await Eventually.HoldsAsync(async () =>
            Text(await GetAsync(citizen, $"/api/requests/{tracking}"), "agencyReference") is not null,
            "the request to be filed after SIAK came back");
        Assert.Single(fixture.Siak.Cases.All, c => c.ClientReference == tracking);
        // Attempts that never reached SIAK sent nobody anything: one record, of the filing.
        using var audit = App.CreateAdminClient();
        var sent = (await audit.GetFromJsonAsync<JsonElement>($"/api/admin/audit?action=requests.request.sent&targetId={tracking}", TestContext.Current.CancellationToken))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(RequestGatewayBase.Agency, Text(Assert.Single(sent), "recipient"));
    }

    [Fact]
    public async Task A_request_not_yet_accepted_can_be_cancelled_and_is_never_sent()
    {
        var (_, citizen) = await App.SignedInAsync("citizen");
        var (tracking, _) = await ApplyWhileSiakIsDownAsync(citizen);

        var cancelled = await CancelAsync(citizen, tracking);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.JsonAsync()).GetProperty("status").GetString());

        await Task.Delay(TimeSpan.FromSeconds(6), TestContext.Current.CancellationToken); // past the next try (5 s), several sweeps
        Assert.DoesNotContain(fixture.Siak.Cases.All, c => c.ClientReference == tracking);
        var again = await CancelAsync(citizen, tracking);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_request_cancelled_while_being_filed_stays_cancelled_and_keeps_the_agencys_case_number()
    {
        var (_, citizen) = await App.SignedInAsync("citizen");
        var (_, officer) = await App.SignedInAsync("officer", RequestGatewayBase.Agency);
        var (tracking, requestId) = await ApplyWhileSiakIsDownAsync(citizen);
        // SIAK takes the request; in that moment, before the adapter service's answer is back, the citizen
        // cancels it through the API. SIAK was just down, so the adapter's circuit breaker may still be open
        // (15 s): this test files it (and only this test: the sweeper is kept away) until SIAK takes it.
        HttpStatusCode? cancelledMeanwhile = null;
        using var filesThenWaits = new FilesThenWaits(async () => cancelledMeanwhile = (await CancelAsync(citizen, tracking)).StatusCode);
        using var http = new HttpClient(filesThenWaits, disposeHandler: false);
        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            await db.Requests.Where(r => r.Id == requestId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.NextDispatchAt, DateTime.UtcNow.AddHours(1)), TestContext.Current.CancellationToken);
            var adapters = new AdapterConnections(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<IServiceDirectory>(),
                scope.ServiceProvider.GetRequiredService<UpstreamSecrets>(), new OneClient(http));
            var dispatcher = new RequestDispatcher(db, adapters, scope.ServiceProvider.GetRequiredService<StatusRecorder>(),
                scope.ServiceProvider.GetRequiredService<Gateway.Platform.Audit.AuditTrail>(), scope.ServiceProvider.GetRequiredService<RequestMetrics>(), scope.ServiceProvider.GetRequiredService<IOptions<RequestOptions>>(),
                TimeProvider.System, NullLogger<RequestDispatcher>.Instance);
            await dispatcher.DispatchAsync(requestId, TestContext.Current.CancellationToken);
            return cancelledMeanwhile is not null;
        }, "SIAK to take the request through the adapter service", TimeSpan.FromSeconds(30), interval: TimeSpan.FromMilliseconds(500));

        Assert.Equal(HttpStatusCode.OK, cancelledMeanwhile);
        var filed = Assert.Single(fixture.Siak.Cases.All, c => c.ClientReference == tracking);
        var mine = await GetAsync(citizen, $"/api/requests/{tracking}");
        Assert.Equal("cancelled", mine.GetProperty("status").GetString());
        Assert.Equal(filed.Number, Text(mine, "agencyReference"));
        var problems = await GetAsync(officer, "/api/agency/requests?problem=true");
        var shown = Assert.Single(problems.EnumerateArray(), r => r.GetProperty("trackingNumber").GetString() == tracking);
        Assert.Contains(filed.Number, Text(shown, "problem"), StringComparison.Ordinal);
        Assert.Equal("filed", Text(shown, "dispatch"));
    }

    /// <summary>
    /// Applies while SIAK is down and waits for the first filing attempt to fail: the next one is 5 s away,
    /// so for that long nothing else files the request. SIAK is back up on return.
    /// </summary>
    private async Task<(string TrackingNumber, Guid Id)> ApplyWhileSiakIsDownAsync(BrowserSession citizen)
    {
        await fixture.Siak.StopAsync(TestContext.Current.CancellationToken);
        try
        {
            var tracking = (await (await citizen.ApplyAsync(Answers())).JsonAsync()).GetProperty("trackingNumber").GetString()!;
            var id = Guid.Empty;
            await Eventually.HoldsAsync(async () =>
            {
                await using var scope = App.Services.CreateAsyncScope();
                var request = await scope.ServiceProvider.GetRequiredService<RequestsDbContext>().Requests.AsNoTracking()
                    .SingleAsync(r => r.TrackingNumber == tracking, TestContext.Current.CancellationToken);
                id = request.Id;
                return request.DispatchAttempts >= 1;
            }, "a first filing attempt");
            return (tracking, id);
        }
        finally
        {
            await fixture.Siak.StartAsync(TestContext.Current.CancellationToken);
        }
    }

    private static Task<HttpResponseMessage> CancelAsync(BrowserSession citizen, string tracking) =>
        citizen.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{tracking}/cancel"));

    /// <summary>
    /// The wire to the adapter service: once the agency's system has taken a filing (the answer names its case),
    /// lets something happen before the gateway reads the answer. Other answers pass through unchanged.
    /// </summary>
    private sealed class FilesThenWaits(Func<Task> meanwhile) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == AdapterProtocol.SubmissionsPath && response.IsSuccessStatusCode)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken); // read here, and again by the gateway
                var outcome = await response.Content.ReadFromJsonAsync(ProtocolJson.Default.AdapterOutcome, cancellationToken);
                if (outcome?.ExternalReference is not null)
                {
                    await meanwhile();
                }
            }

            return response;
        }
    }

    private sealed class OneClient(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }

    [Fact]
    public async Task Officers_see_and_move_on_their_agencys_requests_only()
    {
        var (citizenAccount, citizen) = await App.SignedInAsync("citizen");
        var (officerAccount, officer) = await App.SignedInAsync("officer", RequestGatewayBase.Agency);
        var (_, otherOfficer) = await App.SignedInAsync("officer", "dpmptsp");
        var tracking = (await (await citizen.ApplyAsync(Answers())).JsonAsync()).GetProperty("trackingNumber").GetString()!;

        var list = await GetAsync(officer, "/api/agency/requests");
        var others = await GetAsync(otherOfficer, "/api/agency/requests");
        using var update = new HttpRequestMessage(HttpMethod.Post, $"/api/agency/requests/{tracking}/status")
        {
            Content = JsonContent.Create(new { status = "needsInformation", note = "Surat keterangan lahir belum terbaca" }),
        };
        var moved = await officer.SendAsync(update);
        using var foreign = new HttpRequestMessage(HttpMethod.Post, $"/api/agency/requests/{tracking}/status")
        {
            Content = JsonContent.Create(new { status = "completed" }),
        };
        var refused = await otherOfficer.SendAsync(foreign);

        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("trackingNumber").GetString() == tracking && Text(r, "applicantNik") is { Length: 16 });
        Assert.DoesNotContain(others.EnumerateArray(), r => r.GetProperty("trackingNumber").GetString() == tracking);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var view = await GetAsync(citizen, $"/api/requests/{tracking}");
        Assert.Equal("needsInformation", view.GetProperty("status").GetString());
        Assert.Contains(view.GetProperty("timeline").EnumerateArray(), t => Text(t, "note") == "Surat keterangan lahir belum terbaca");

        // The audit trail: the officer read her data (NIK, form) and moved her request; the other agency's officer saw none of it.
        using var admin = App.CreateAdminClient();
        var about = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?dataSubject={citizenAccount.Id}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(about, r => Text(r, "action") == "requests.request.read" && Text(r.GetProperty("actor"), "subject") == officerAccount.Id.ToString()
            && r.GetProperty("summary").ToString().Contains(tracking, StringComparison.Ordinal));
        Assert.Contains(about, r => Text(r, "action") == "requests.request.status-changed" && Text(r, "targetId") == tracking
            && Text(r.GetProperty("actor"), "agency") == RequestGatewayBase.Agency);
        Assert.DoesNotContain(about, r => Text(r.GetProperty("actor"), "agency") == "dpmptsp");

        // ...and she sees it herself: the API and the page on /akun say which agency's officer read her request.
        var mine = (await GetAsync(citizen, "/api/me/data-access")).EnumerateArray().ToList();
        Assert.Contains(mine, e => Text(e, "action") == "requests.request.read" && Text(e, "trackingNumber") == tracking
            && Text(e, "agency") == RequestGatewayBase.Agency);
        // ...and hears of it: the notice on her list and in her mailbox carries the officer's note.
        var notices = await GetAsync(citizen, "/api/me/notifications");
        var notice = notices.GetProperty("items").EnumerateArray().First(n => Text(n, "reference") == tracking);
        Assert.Equal("needsInformation", Text(notice, "status"));
        Assert.Equal($"Permohonan {tracking}: Perlu kelengkapan dokumen", Text(notice, "title"));
        Assert.True(notices.GetProperty("unread").GetInt32() >= 1);
        await Eventually.HoldsAsync(() => Task.FromResult(App.MessagesTo(citizenAccount.Email!)
            .Any(m => m.Contains(tracking, StringComparison.Ordinal) && m.Contains("Surat keterangan lahir belum terbaca", StringComparison.Ordinal))),
            "the notice to be e-mailed");
        var read = await citizen.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/me/notifications/read"));
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Equal(0, (await GetAsync(citizen, "/api/me/notifications")).GetProperty("unread").GetInt32());
        var page = await citizen.GetAsync("/akun/data");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(tracking, html, StringComparison.Ordinal);
        Assert.Contains("Petugas " + RequestGatewayBase.Agency.ToUpperInvariant(), html, StringComparison.Ordinal);
        Assert.Contains("Membaca permohonan Anda", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officers_move_stands_until_the_agencys_system_itself_moves_on()
    {
        var (_, citizen) = await App.SignedInAsync("citizen");
        var (_, officer) = await App.SignedInAsync("officer", RequestGatewayBase.Agency);
        var tracking = (await (await citizen.ApplyAsync(Answers())).JsonAsync()).GetProperty("trackingNumber").GetString()!;
        var reference = await FiledAsync(citizen, tracking);
        string adapterName;
        using (var scope = App.Services.CreateScope())
        {
            adapterName = (await scope.ServiceProvider.GetRequiredService<RequestsDbContext>().Requests.SingleAsync(r => r.TrackingNumber == tracking)).AdapterName;
        }

        var poller = App.Services.GetRequiredService<StatusPoller>();
        using var move = new HttpRequestMessage(HttpMethod.Post, $"/api/agency/requests/{tracking}/status")
        {
            Content = JsonContent.Create(new { status = "needsInformation", note = "Foto KK buram" }),
        };
        Assert.Equal(HttpStatusCode.OK, (await officer.SendAsync(move)).StatusCode);

        // SIAK still says BARU (submitted), as it did when the request was filed: that is no news, and the move stands.
        await poller.PollAsync(adapterName, TestContext.Current.CancellationToken);
        var kept = await GetAsync(citizen, $"/api/requests/{tracking}");
        fixture.Siak.Cases.Find(reference)!.Status = "PROSES";
        await poller.PollAsync(adapterName, TestContext.Current.CancellationToken);
        var moved = await GetAsync(citizen, $"/api/requests/{tracking}");

        Assert.Equal("needsInformation", Text(kept, "status"));
        Assert.Equal("inProcess", Text(moved, "status"));
        Assert.Equal(["submitted", "needsInformation", "inProcess"], moved.GetProperty("timeline").EnumerateArray().Select(t => Text(t, "status")));
    }

    [Fact]
    public async Task Bad_officer_updates_and_filters_name_the_field_at_fault()
    {
        var (_, citizen) = await App.SignedInAsync("citizen");
        var (_, officer) = await App.SignedInAsync("officer", RequestGatewayBase.Agency);
        var tracking = (await (await citizen.ApplyAsync(Answers())).JsonAsync()).GetProperty("trackingNumber").GetString()!;

        async Task<JsonElement> UpdateAsync(object body)
        {
            using var update = new HttpRequestMessage(HttpMethod.Post, $"/api/agency/requests/{tracking}/status") { Content = JsonContent.Create(body) };
            var response = await officer.SendAsync(update);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("errors");
        }

        var missing = await UpdateAsync(new { note = "tanpa status" });
        var cancelled = await UpdateAsync(new { status = "cancelled" });
        var longNote = await UpdateAsync(new { status = "inProcess", note = new string('x', 1001) });
        var filter = await officer.GetAsync("/api/agency/requests?status=selesai");
        var notAnObject = await citizen.ApplyAsync(new JsonObject { ["service"] = RequestGatewayBase.ServiceSlug, ["fields"] = new JsonArray(1, 2) });

        Assert.Equal("Pilih status baru.", missing.GetProperty("status")[0].GetString());
        Assert.True(cancelled.TryGetProperty("status", out _));
        Assert.True(longNote.TryGetProperty("note", out _));
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.True((await filter.JsonAsync()).GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.BadRequest, notAnObject.StatusCode);
        Assert.True((await notAnObject.JsonAsync()).GetProperty("errors").TryGetProperty("fields", out _));
        Assert.Equal("submitted", (await GetAsync(citizen, $"/api/requests/{tracking}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_status_the_adapter_cannot_map_is_shown_to_operators_and_not_guessed()
    {
        var (_, citizen) = await App.SignedInAsync("citizen");
        var tracking = (await (await citizen.ApplyAsync(Answers())).JsonAsync()).GetProperty("trackingNumber").GetString()!;
        var reference = await FiledAsync(citizen, tracking);

        fixture.Siak.Cases.Find(reference)!.Status = "DITANGGUHKAN";
        using var admin = App.CreateAdminClient();
        await Eventually.HoldsAsync(async () =>
        {
            var stuck = await admin.GetFromJsonAsync<JsonElement>("/api/admin/requests?problem=true", TestContext.Current.CancellationToken);
            return stuck.EnumerateArray().Any(r => r.GetProperty("trackingNumber").GetString() == tracking
                && Text(r, "problem")?.Contains("DITANGGUHKAN", StringComparison.Ordinal) == true);
        }, "the unmapped status to show as a problem");
        Assert.Equal("submitted", (await GetAsync(citizen, $"/api/requests/{tracking}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Anyone_with_the_tracking_number_and_the_NIK_ending_sees_its_status_and_nothing_personal()
    {
        var (account, citizen) = await App.SignedInAsync("citizen");
        var tracking = (await (await citizen.ApplyAsync(Answers("Nadia Putri"))).JsonAsync()).GetProperty("trackingNumber").GetString()!;
        using var anyone = App.CreateClient();

        var found = await anyone.GetAsync($"/api/track/{tracking}?nik4={account.Nik![^4..]}");
        var wrongEnding = await anyone.GetAsync($"/api/track/{tracking}?nik4={(account.Nik[^4..] == "0000" ? "1111" : "0000")}");
        var noEnding = await anyone.GetAsync($"/api/track/{tracking}");
        var unknown = await anyone.GetAsync($"/api/track/BDG-DISDUKCAPIL-2020-999999?nik4={account.Nik[^4..]}");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var body = await found.Content.ReadAsStringAsync();
        var view = JsonDocument.Parse(body).RootElement;
        Assert.Equal(tracking, Text(view, "trackingNumber"));
        Assert.Equal("Diajukan", Text(view, "statusLabel"));
        Assert.DoesNotContain("Nadia Putri", body, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Nik, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, wrongEnding.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noEnding.StatusCode);
        Assert.True((await noEnding.JsonAsync()).GetProperty("errors").TryGetProperty("nik4", out _));
    }

    [Fact]
    public async Task A_request_past_its_deadline_is_published_as_overdue_once()
    {
        var (_, citizen) = await App.SignedInAsync("citizen");
        var tracking = (await (await citizen.ApplyAsync(Answers())).JsonAsync()).GetProperty("trackingNumber").GetString()!;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            await db.Requests.Where(r => r.TrackingNumber == tracking)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DueAt, DateTime.UtcNow.AddMinutes(-1)), TestContext.Current.CancellationToken);
        }

        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            return await db.Set<OutboxMessage>().AnyAsync(m => m.EventType == "ServiceRequestOverdue" && m.Payload.Contains(tracking));
        }, "ServiceRequestOverdue in the outbox");
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        await using var check = App.Services.CreateAsyncScope();
        var outbox = check.ServiceProvider.GetRequiredService<RequestsDbContext>().Set<OutboxMessage>();
        Assert.Equal(1, await outbox.CountAsync(m => m.EventType == "ServiceRequestOverdue" && m.Payload.Contains(tracking), TestContext.Current.CancellationToken));
        Assert.True((await GetAsync(citizen, $"/api/requests/{tracking}")).GetProperty("overdue").GetBoolean());
    }
}

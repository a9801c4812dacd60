using System.Net;
using System.Net.Http.Json;
using Gateway.Identity.Clients;

namespace Gateway.Edge.IntegrationTests;

/// <summary>
/// Each limit answers 429 with Retry-After at its threshold and lets the caller in again once its window
/// has passed. Windows are made short here (3 s) so recovering is quick; the defaults are in the README.
/// </summary>
public sealed class RateLimitTests
{
    private const int Window = 3;

    private static async Task<GatewayApp> StartAsync(params (string Limit, int Permits)[] limits)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (limit, permits) in limits)
        {
            settings[$"RateLimits:{limit}:Permits"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"RateLimits:{limit}:WindowSeconds"] = Window.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: settings);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_whatever_login_they_name()
    {
        await using var app = await StartAsync(("SignInPerAddress", 4));
        using var browser = app.NewBrowser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await browser.SubmitAsync("/akun/masuk", SignIn($"nobody-{i}@example.org"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var refused = await browser.SubmitAsync("/akun/masuk", SignIn("nobody-5@example.org"));
        AssertRetryAfter(refused);
        await RecoversAsync(async () => (await browser.SubmitAsync("/akun/masuk", SignIn("nobody-6@example.org"))).StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_in_attempts_naming_one_login_are_limited_before_any_password_is_checked_and_the_owner_gets_in_after()
    {
        await using var app = await StartAsync(("SignInPerLogin", 3));
        var citizen = await app.CreateAccountAsync("citizen");
        using var attacker = app.NewBrowser();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await attacker.SubmitAsync("/akun/masuk", SignIn(citizen.Nik!, "wrong-password-" + i))).StatusCode);
        }

        var refused = await attacker.SubmitAsync("/akun/masuk", SignIn(citizen.Nik!, "wrong-password-x"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused);
        Assert.Contains("Coba lagi dalam", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The limit stopped the guesses before the lockout: the owner is not locked out and gets in.
        using var owner = app.NewBrowser();
        await RecoversAsync(async () => (await owner.SubmitAsync("/akun/masuk", SignIn(citizen.Nik!, SignOn.Password))).StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Registrations_from_one_address_are_limited()
    {
        await using var app = await StartAsync(("RegistrationPerAddress", 2));
        using var browser = app.NewBrowser();

        var first = await browser.SubmitAsync("/akun/daftar", Registration());
        var second = await browser.SubmitAsync("/akun/daftar", Registration());
        var third = await browser.SubmitAsync("/akun/daftar", Registration());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        AssertRetryAfter(third);
        await RecoversAsync(async () => (await browser.SubmitAsync("/akun/daftar", Registration())).StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_new_verification_code_can_be_asked_for_once_a_window_per_account()
    {
        await using var app = await StartAsync(("CodeResendPerAccount", 1));
        using var browser = app.NewBrowser();
        var email = $"warga-{Guid.NewGuid():N}@example.org";
        var registered = await browser.SubmitAsync("/akun/daftar", Registration(email));
        var verifyPage = BrowserSession.Location(registered).OriginalString;
        var sent = File.ReadAllLines(Path.Combine(app.DataDirectory, "verification-outbox.txt")).Count(l => l.Contains(email, StringComparison.Ordinal));

        var first = await browser.SubmitAsync(verifyPage, new Dictionary<string, string>(), "/akun/verifikasi?handler=Resend");
        var second = await browser.SubmitAsync(verifyPage, new Dictionary<string, string>(), "/akun/verifikasi?handler=Resend");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        AssertRetryAfter(second);
        Assert.Equal(sent + 1, File.ReadAllLines(Path.Combine(app.DataDirectory, "verification-outbox.txt")).Count(l => l.Contains(email, StringComparison.Ordinal)));
        await RecoversAsync(async () => (await browser.SubmitAsync(verifyPage, new Dictionary<string, string>(), "/akun/verifikasi?handler=Resend")).StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Password_reset_messages_to_one_login_are_limited()
    {
        await using var app = await StartAsync(("ForgotPasswordPerLogin", 2));
        var citizen = await app.CreateAccountAsync("citizen");
        using var browser = app.NewBrowser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await browser.SubmitAsync("/akun/lupa-sandi", new Dictionary<string, string> { ["login"] = citizen.Email! })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(app.DataDirectory, "verification-outbox.txt")).Count(l => l.Contains(citizen.Email!, StringComparison.Ordinal)));
        await RecoversAsync(async () => (await browser.SubmitAsync("/akun/lupa-sandi", new Dictionary<string, string> { ["login"] = citizen.Email! })).StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_token_endpoint_limits_each_client_and_each_address()
    {
        await using var app = await StartAsync(("TokenPerClient", 3), ("TokenPerAddress", 6));
        var secret = await RegisterBackEndAsync(app, "bapenda-backend");
        using var http = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await ClientCredentialsAsync(http, "bapenda-backend", secret)).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // Two more requests reach the address limit (six), whichever client they name.
        await ClientCredentialsAsync(http, "someone-else", "x");
        await ClientCredentialsAsync(http, "someone-else", "x");
        var byAddress = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, byAddress.StatusCode);
        AssertRetryAfter(byAddress);
        Assert.Equal("urn:satupintu:problem:too-many-requests", (await byAddress.JsonAsync()).GetProperty("type").GetString());
        await RecoversAsync(async () => (await ClientCredentialsAsync(http, "bapenda-backend", secret)).Status == HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_client_secrets_are_refuted_from_a_cache_and_a_budget_so_guessing_cannot_take_the_cpu()
    {
        await using var app = await StartAsync(("SecretChecksPerClient", 2));
        var secret = await RegisterBackEndAsync(app, "dishub-backend");
        using var http = app.CreateClient();

        // The same wrong secret ten times is hashed once (the failure is remembered)...
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await ClientCredentialsAsync(http, "dishub-backend", "the-same-wrong-secret")).Status);
        }

        // ...so the budget of two real checks still has room for the right one.
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(http, "dishub-backend", secret)).Status);

        // Different wrong secrets each cost a check; once the budget is spent, even the right secret waits.
        Assert.Equal(HttpStatusCode.Unauthorized, (await ClientCredentialsAsync(http, "dishub-backend", "guess-1")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ClientCredentialsAsync(http, "dishub-backend", "guess-2")).Status);
        await RecoversAsync(async () => (await ClientCredentialsAsync(http, "dishub-backend", secret)).Status == HttpStatusCode.OK);
    }

    [Fact]
    public async Task Complaints_from_one_address_are_limited()
    {
        await using var app = await StartAsync(("ComplaintsPerAddress", 2));
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/complaints", TestData.Complaint())).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        await RecoversAsync(async () => (await client.PostAsJsonAsync("/api/complaints", TestData.Complaint())).StatusCode == HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Searches_from_one_address_are_limited_and_the_refusal_is_a_problem_in_the_callers_language()
    {
        await using var app = await StartAsync(("SearchPerAddress", 5));
        using var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/catalogue/services?q=akta")).StatusCode);
        }

        var refused = await client.GetAsync("/api/catalogue/services?q=akta&lang=en");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused);
        Assert.StartsWith("Too many attempts", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await RecoversAsync(async () => (await client.GetAsync("/api/catalogue/services?q=akta")).StatusCode == HttpStatusCode.OK);
    }

    private static Dictionary<string, string> SignIn(string login, string password = "not-the-password") =>
        new() { ["login"] = login, ["password"] = password };

    private static Dictionary<string, string> Registration(string? email = null) => new()
    {
        ["nik"] = TestData.NewNik(),
        ["fullName"] = "Rina Marlina",
        ["email"] = email ?? $"warga-{Guid.NewGuid():N}@example.org",
        ["phone"] = "",
        ["password"] = SignOn.Password,
        ["confirmPassword"] = SignOn.Password,
    };

    private static async Task<string> RegisterBackEndAsync(GatewayApp app, string clientId)
    {
        var agency = clientId.Split('-')[0];
        await app.CreateAgencyAsync(agency);
        return (await app.RegisterClientAsync(new ClientInput(clientId, clientId, ClientKind.Confidential, ConsentMode.Implicit, [], [],
            [$"agency:{agency}"], [ClientGrant.ClientCredentials])))!;
    }

    private static Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> ClientCredentialsAsync(HttpClient http, string clientId, string secret) =>
        OidcFlow.TokenAsync(http, new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        });

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds is >= 1 and <= Window, $"Retry-After {seconds}");
    }

    private static Task RecoversAsync(Func<Task<bool>> attempt) =>
        Eventually.HoldsAsync(attempt, "the limit to let the caller in again once its window passed", TimeSpan.FromSeconds(Window * 4));
}

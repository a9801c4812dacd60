using System.Net;
using System.Text.Json;

namespace Gateway.Edge.IntegrationTests;

/// <summary>Codes and passwords never reach the log, even at Information: the demo prints where its passwords are, not what they are.</summary>
public sealed class SecretsInLogsTests
{
    [Fact]
    public async Task Neither_verification_codes_nor_demo_passwords_are_logged()
    {
        await using var app = await GatewayApp.StartAsync(DatabaseKind.Sqlite, demo: true,
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });
        var email = $"warga-{Guid.NewGuid():N}@example.org";
        using var browser = app.NewBrowser();
        var registered = await browser.SubmitAsync("/akun/daftar", new Dictionary<string, string>
        {
            ["nik"] = TestData.NewNik(),
            ["fullName"] = "Maya Sari",
            ["email"] = email,
            ["phone"] = "",
            ["password"] = SignOn.Password,
            ["confirmPassword"] = SignOn.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var code = app.LastVerificationCode(email);
        var passwordFile = Path.Combine(app.DataDirectory, "demo-sign-on.json");
        await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(passwordFile) && app.Logs.Lines.Any(l => l.Contains("demo-sign-on.json", StringComparison.Ordinal))),
            "the demo banner", TimeSpan.FromSeconds(30));
        var passwords = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(passwordFile))!.Values.ToList();

        var lines = app.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("verification-outbox.txt", StringComparison.Ordinal)); // said where, not what
        // The code as a number of its own (not six digits inside a timestamp or a trace id).
        Assert.DoesNotContain(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"(?<![\d.:a-f]){code}(?![\da-f])"));
        Assert.NotEmpty(passwords);
        Assert.All(passwords, password => Assert.DoesNotContain(lines, l => l.Contains(password, StringComparison.Ordinal)));
    }
}

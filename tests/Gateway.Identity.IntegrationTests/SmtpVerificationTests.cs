using System.Net;
using System.Text.RegularExpressions;

namespace Gateway.Identity.IntegrationTests;

/// <summary>Verification codes delivered by e-mail through an SMTP relay (MailKit), as configured in production.</summary>
public sealed partial class SmtpVerificationTests
{
    [Fact]
    public async Task The_registration_code_arrives_by_mail_and_verifies_the_account()
    {
        await using var relay = new SmtpSink();
        await using var app = await GatewayApp.StartAsync(DatabaseKind.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Identity:Verification:Sender"] = "Smtp",
            ["Identity:Verification:Smtp:Host"] = "127.0.0.1",
            ["Identity:Verification:Smtp:Port"] = relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Identity:Verification:Smtp:UseTls"] = "false",
        });
        var email = $"warga-{Guid.NewGuid():N}@example.org";
        using var browser = app.NewBrowser();

        var registered = await browser.SubmitAsync("/akun/daftar", new Dictionary<string, string>
        {
            ["nik"] = "3273015708900001",
            ["fullName"] = "Siti",
            ["email"] = email,
            ["phone"] = "",
            ["password"] = SignOn.Password,
            ["confirmPassword"] = SignOn.Password,
        });
        var (to, data) = Assert.Single(relay.Messages);
        var code = CodePattern().Match(data).Groups[1].Value;
        var verified = await browser.SubmitAsync(BrowserSession.Location(registered).OriginalString, new Dictionary<string, string> { ["code"] = code });

        Assert.Equal([email], to);
        Assert.Contains("Kode verifikasi akun SatuPintu", data, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(app.DataDirectory, "verification-outbox.txt")), "the file sender must not be used");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal("/akun", BrowserSession.Location(verified).OriginalString);
    }

    [GeneratedRegex(@"Kode Anda: (\d{6})")]
    private static partial Regex CodePattern();
}

using Gateway.Demo.SampleApps;
using Gateway.Demo.SignOn;
using Gateway.Platform.Edge;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Demo;

/// <summary>Tells the person who just ran the demo where to go next.</summary>
internal sealed partial class DemoBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    SampleAgencyApps sampleApps,
    LegacyApps.DemoLegacyApps legacyApps,
    DemoSignOn signOn,
    AdminKeyStore adminKey,
    IOptions<EdgeOptions> edge,
    ILogger<DemoBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var banner = Compose();
            LogBanner(logger, banner);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string Compose()
    {
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
        var hosts = edge.Value.Hosts;
        var portal = EdgeOrigins.AtListeningAddress(listening, hosts.Portal);
        var admin = EdgeOrigins.AtListeningAddress(listening, hosts.Admin);
        var apps = EdgeOrigins.AtListeningAddress(listening, hosts.Apps);
        var key = adminKey.KeyFile is { } file ? "value in " + file : "as configured (Admin:Key)";
        // Passwords and keys stay in their owner-readable files: a log is read by more people than a file.
        List<string> lines =
        [
            "",
            "  SatuPintu — satu pintu untuk layanan kota / one door to the city's services",
            "  Tiga origin / three origins (browsers and curl resolve *.localhost to this machine):",
            $"    portal warga / people   {portal}/   (masuk / sign in: {portal}/akun/masuk)",
            $"    administrasi / admin    {admin}/masuk   (Swagger: {admin}/swagger)",
            $"    aplikasi dinas / apps   {apps}/<dinas>/<layanan>",
            $"  Katalog / catalogue   {portal}/api/catalogue/services",
            $"  Cari / search         {portal}/api/catalogue/services?q=akta+kelahiran",
            $"  Kesehatan / health    {portal}/healthz/ready",
            $"  Coba / try            curl {apps}/bpbd/peringatan-dini-banjir/status/BPBD-001",
            $"  Admin API key         header X-Admin-Key on {admin}, {key}",
            "  Aplikasi dinas contoh / sample agency apps:",
            .. sampleApps.Running.Values.Select(a => $"    {a.Spec.Agency,-12} {a.Spec.AppName,-14} {a.BaseAddress}  {a.Spec.Quirks}"),
            $"  Akun demo / demo accounts (kata sandi di / passwords in {signOn.PasswordFile}):",
            .. signOn.Accounts.Select(a => $"    {a.Role,-8} {a.Name,-18} {a.Login}"),
            "  Aplikasi web dinas dengan SSO / agency web apps with single sign-on:",
            .. signOn.Apps.Select(a => $"    {a.Spec.Name,-20} {a.Address}"),
            $"  Permohonan layanan / service requests: POST {portal}/api/requests sebagai warga / as the citizen (docs/adapters.md)",
            "  Sistem lama di balik adapter / legacy systems behind adapters (petugas contoh memproses tiap kasus / a stand-in clerk moves each case):",
            .. legacyApps.Running.Select(r => $"    {r.System.Adapter,-12} {r.App.Name,-22} {r.App.BaseAddress}  {string.Join(", ", r.System.Services)}"),
        ];
        return string.Join(Environment.NewLine, lines);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Banner}")]
    private static partial void LogBanner(ILogger logger, string banner);
}

using Gateway.Demo.SampleApps;
using Gateway.Demo.SignOn;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Demo;

/// <summary>Tells the person who just ran the demo where to go next.</summary>
internal sealed partial class DemoBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    SampleAgencyApps apps,
    LegacyApps.DemoLegacyApps legacyApps,
    DemoSignOn signOn,
    AdminKeyStore adminKey,
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
        var gateway = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? "http://localhost:5080";
        var key = adminKey.KeyFile is { } file ? "value in " + file : "as configured (Admin:Key)";
        List<string> lines =
        [
            "",
            "  SatuPintu — satu pintu untuk layanan kota / one door to the city's services",
            $"  Katalog / catalogue   {gateway}/api/catalogue/services",
            $"  Cari / search         {gateway}/api/catalogue/services?q=akta+kelahiran",
            $"  Swagger               {gateway}/swagger",
            $"  Kesehatan / health    {gateway}/healthz/ready",
            $"  Coba / try            curl {gateway}/bpbd/peringatan-dini-banjir/status/BPBD-001",
            $"  Admin API key         header X-Admin-Key, {key}",
            "  Aplikasi dinas contoh / sample agency apps:",
            .. apps.Running.Values.Select(a => $"    {a.Spec.Agency,-12} {a.Spec.AppName,-14} {a.BaseAddress}  {a.Spec.Quirks}"),
            $"  Masuk / sign in       {gateway}/akun/masuk  (akun demo / demo accounts, kata sandi dibuat sekali / passwords made once):",
            .. signOn.Accounts.Select(a => $"    {a.Role,-8} {a.Name,-18} {a.Login,-40} {a.Password}"),
            "  Aplikasi web dinas dengan SSO / agency web apps with single sign-on:",
            .. signOn.Apps.Select(a => $"    {a.Spec.Name,-20} {a.Address}"),
            $"  Permohonan layanan / service requests: POST {gateway}/api/requests sebagai warga / as the citizen (docs/adapters.md)",
            "  Sistem lama di balik adapter / legacy systems behind adapters (petugas contoh memproses tiap kasus / a stand-in clerk moves each case):",
            .. legacyApps.Running.Select(r => $"    {r.System.Adapter,-12} {r.App.Name,-22} {r.App.BaseAddress}  {string.Join(", ", r.System.Services)}"),
        ];
        return string.Join(Environment.NewLine, lines);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Banner}")]
    private static partial void LogBanner(ILogger logger, string banner);
}

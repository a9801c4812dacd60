using Adapters.Lapor.LegacyApp;
using Gateway.Adapters.SampleHost;
using Gateway.Adapters.Sdk.Registration;
using Gateway.Adapters.TestKit;
using Gateway.Contracts.Events.V1;
using Microsoft.AspNetCore.Builder;

namespace Adapters.Lapor.Tests;

public class LaporFixture : AdapterFixture
{
    public const string Token = "lapor-test-token-0123456789";

    public override string AdapterName => LaporRegistration.Name;

    public override string ServiceSlug => "pengaduan-lapor";

    public override IReadOnlyDictionary<string, string> SampleFields { get; } = new Dictionary<string, string>
    {
        ["judul"] = "Lampu lalu lintas mati",
        ["isi"] = "Lampu lalu lintas di simpang Dago mati sejak pagi, arus macet panjang.",
        ["kategori"] = "lalu-lintas",
        ["lokasi"] = "Simpang Dago",
    };

    public override IReadOnlyDictionary<string, ServiceRequestStatus> ExpectedStatuses { get; } = new Dictionary<string, ServiceRequestStatus>
    {
        ["Menunggu Verifikasi"] = ServiceRequestStatus.Submitted,
        ["Terverifikasi"] = ServiceRequestStatus.Verified,
        ["Diteruskan ke Instansi"] = ServiceRequestStatus.InProcess,
        ["Ditindaklanjuti"] = ServiceRequestStatus.InProcess,
        ["Perlu Klarifikasi"] = ServiceRequestStatus.NeedsInformation,
        ["Selesai"] = ServiceRequestStatus.Completed,
        ["Ditolak"] = ServiceRequestStatus.Rejected,
        ["Diarsipkan"] = ServiceRequestStatus.Rejected,
    };

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ApiKeyHeader"] = LaporApp.TokenHeader,
        ["ApiKey"] = Token,
    };

    protected override Task<SampleLegacyApp> StartLegacyAppAsync() => LaporApp.StartAsync(Token);

    protected override void Register(AdapterBuilder adapters) => adapters.AddLapor();
}

public sealed class LaporConformanceTests(LaporFixture fixture) : AdapterConformanceTests<LaporFixture>(fixture);

/// <summary>The same adapter as a service of its own, judged over HTTP through the gateway's client.</summary>
public sealed class LaporServiceFixture : LaporFixture
{
    protected override bool OutOfProcess => true;

    protected override void AddService(WebApplicationBuilder builder) => builder.AddLaporService();

    protected override void MapService(WebApplication app) => app.MapLaporService();
}

public sealed class LaporServiceConformanceTests(LaporServiceFixture fixture) : AdapterConformanceTests<LaporServiceFixture>(fixture);

using Adapters.Dpmptsp.LegacyApp;
using Gateway.Adapters.SampleHost;
using Gateway.Adapters.Sdk.Registration;
using Gateway.Adapters.TestKit;
using Gateway.Contracts.Events.V1;
using Microsoft.AspNetCore.Builder;

namespace Adapters.Dpmptsp.Tests;

public class SimperizinanFixture : AdapterFixture
{
    public const string ApiKey = "simperizinan-test-key-0123456789";

    public override string AdapterName => DpmptspRegistration.Name;

    public override string ServiceSlug => "persetujuan-bangunan-gedung";

    public override IReadOnlyDictionary<string, string> SampleFields { get; } = new Dictionary<string, string>
    {
        ["lokasi_usaha"] = "Jl. Asia Afrika No. 8, Bandung",
        ["fungsi_bangunan"] = "hunian",
        ["luas_bangunan_m2"] = "120",
    };

    public override IReadOnlyDictionary<string, ServiceRequestStatus> ExpectedStatuses { get; } = new Dictionary<string, ServiceRequestStatus>
    {
        ["DITERIMA"] = ServiceRequestStatus.Submitted,
        ["VERIFIKASI_BERKAS"] = ServiceRequestStatus.Verified,
        ["SURVEI_LAPANGAN"] = ServiceRequestStatus.InProcess,
        ["PROSES_TEKNIS"] = ServiceRequestStatus.InProcess,
        ["PERBAIKAN"] = ServiceRequestStatus.NeedsInformation,
        ["TERBIT"] = ServiceRequestStatus.Completed,
        ["DITOLAK"] = ServiceRequestStatus.Rejected,
    };

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ApiKeyHeader"] = SimperizinanApp.KeyHeader,
        ["ApiKey"] = ApiKey,
    };

    protected override Task<SampleLegacyApp> StartLegacyAppAsync() => SimperizinanApp.StartAsync(ApiKey);

    protected override void Register(AdapterBuilder adapters) => adapters.AddDpmptsp();
}

public sealed class SimperizinanConformanceTests(SimperizinanFixture fixture) : AdapterConformanceTests<SimperizinanFixture>(fixture);

/// <summary>The same adapter as a service of its own, judged over HTTP through the gateway's client.</summary>
public sealed class SimperizinanServiceFixture : SimperizinanFixture
{
    protected override bool OutOfProcess => true;

    protected override void AddService(WebApplicationBuilder builder) => builder.AddDpmptspService();

    protected override void MapService(WebApplication app) => app.MapDpmptspService();
}

public sealed class SimperizinanServiceConformanceTests(SimperizinanServiceFixture fixture) : AdapterConformanceTests<SimperizinanServiceFixture>(fixture);

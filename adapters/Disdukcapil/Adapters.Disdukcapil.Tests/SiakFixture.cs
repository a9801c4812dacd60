using Adapters.Disdukcapil;
using Adapters.Disdukcapil.LegacyApp;
using Gateway.Adapters.SampleHost;
using Gateway.Adapters.Sdk.Registration;
using Gateway.Adapters.TestKit;
using Gateway.Contracts.Events.V1;
using Microsoft.AspNetCore.Builder;

namespace Adapters.Disdukcapil.Tests;

public class SiakFixture : AdapterFixture
{
    public const string ApiKey = "siak-test-key-0123456789";

    public override string AdapterName => DisdukcapilRegistration.Name;

    public override string ServiceSlug => "akta-kelahiran";

    public override IReadOnlyDictionary<string, string> SampleFields { get; } = new Dictionary<string, string>
    {
        ["nama_anak"] = "Aditya Pratama",
        ["tanggal_lahir"] = "2026-11-02",
        ["tempat_lahir"] = "Bandung",
    };

    public override IReadOnlyDictionary<string, ServiceRequestStatus> ExpectedStatuses { get; } = new Dictionary<string, ServiceRequestStatus>
    {
        ["BARU"] = ServiceRequestStatus.Submitted,
        ["VERIFIKASI"] = ServiceRequestStatus.Verified,
        ["PROSES"] = ServiceRequestStatus.InProcess,
        ["BERKAS_KURANG"] = ServiceRequestStatus.NeedsInformation,
        ["SELESAI"] = ServiceRequestStatus.Completed,
        ["DITOLAK"] = ServiceRequestStatus.Rejected,
    };

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ApiKeyHeader"] = SiakApp.KeyHeader,
        ["ApiKey"] = ApiKey,
    };

    protected override Task<SampleLegacyApp> StartLegacyAppAsync() => SiakApp.StartAsync(ApiKey);

    protected override void Register(AdapterBuilder adapters) => adapters.AddDisdukcapil();
}

public sealed class SiakConformanceTests(SiakFixture fixture) : AdapterConformanceTests<SiakFixture>(fixture);

public sealed class SiakDocumentTests(SiakFixture fixture) : DocumentConformanceTests<SiakFixture>(fixture);

/// <summary>The same adapter as a service of its own, judged over HTTP through the gateway's client (documents included).</summary>
public sealed class SiakServiceFixture : SiakFixture
{
    protected override bool OutOfProcess => true;

    protected override void AddService(WebApplicationBuilder builder) => builder.AddDisdukcapilService();

    protected override void MapService(WebApplication app) => app.MapDisdukcapilService();
}

public sealed class SiakServiceConformanceTests(SiakServiceFixture fixture) : AdapterConformanceTests<SiakServiceFixture>(fixture);

public sealed class SiakServiceDocumentTests(SiakServiceFixture fixture) : DocumentConformanceTests<SiakServiceFixture>(fixture);

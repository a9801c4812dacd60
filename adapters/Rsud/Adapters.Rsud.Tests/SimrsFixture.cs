using System.Globalization;
using Adapters.Rsud.LegacyApp;
using Gateway.Adapters.SampleHost;
using Gateway.Adapters.Sdk.Registration;
using Gateway.Adapters.TestKit;
using Gateway.Contracts.Events.V1;
using Microsoft.AspNetCore.Builder;

namespace Adapters.Rsud.Tests;

public class SimrsFixture : AdapterFixture
{
    public const string Password = "simrs-test-password-0123456789";

    public override string AdapterName => RsudRegistration.Name;

    public override string ServiceSlug => "antrian-poli";

    public override IReadOnlyDictionary<string, string> SampleFields { get; } = new Dictionary<string, string>
    {
        ["poli"] = "anak",
        ["tanggal_kunjungan"] = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public override IReadOnlyDictionary<string, ServiceRequestStatus> ExpectedStatuses { get; } = new Dictionary<string, ServiceRequestStatus>
    {
        ["TERDAFTAR"] = ServiceRequestStatus.Verified,
        ["DIPANGGIL"] = ServiceRequestStatus.InProcess,
        ["DILAYANI"] = ServiceRequestStatus.InProcess,
        ["RUJUK_ULANG"] = ServiceRequestStatus.NeedsInformation,
        ["SELESAI"] = ServiceRequestStatus.Completed,
        ["TIDAK_HADIR"] = ServiceRequestStatus.Rejected,
        ["BATAL"] = ServiceRequestStatus.Rejected,
    };

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Username"] = SimrsApp.Username,
        ["Password"] = Password,
    };

    protected override Task<SampleLegacyApp> StartLegacyAppAsync() => SimrsApp.StartAsync(Password);

    protected override void Register(AdapterBuilder adapters) => adapters.AddRsud();
}

public sealed class SimrsConformanceTests(SimrsFixture fixture) : AdapterConformanceTests<SimrsFixture>(fixture);

/// <summary>The same adapter as a service of its own, judged over HTTP through the gateway's client.</summary>
public sealed class SimrsServiceFixture : SimrsFixture
{
    protected override bool OutOfProcess => true;

    protected override void AddService(WebApplicationBuilder builder) => builder.AddRsudService();

    protected override void MapService(WebApplication app) => app.MapRsudService();
}

public sealed class SimrsServiceConformanceTests(SimrsServiceFixture fixture) : AdapterConformanceTests<SimrsServiceFixture>(fixture);

using Adapters.Dinasku.LegacyApp;
using Gateway.Adapters.SampleHost;
using Gateway.Adapters.Sdk.Registration;
using Gateway.Adapters.TestKit;
using Gateway.Contracts.Events.V1;

namespace Adapters.Dinasku.Tests;

public class DinaskuFixture : AdapterFixture
{
    public const string ApiKey = "dinasku-test-key-0123456789";

    public override string AdapterName => DinaskuRegistration.Name;

    /// <summary>A catalogue service this adapter will file (any slug works for the kit).</summary>
    public override string ServiceSlug => "dinasku_code-layanan";

    public override IReadOnlyDictionary<string, string> SampleFields { get; } = new Dictionary<string, string> { ["keterangan"] = "contoh" };

    /// <summary>Every status the app reports and what it must mean; keep it in step with the app.</summary>
    public override IReadOnlyDictionary<string, ServiceRequestStatus> ExpectedStatuses { get; } = new Dictionary<string, ServiceRequestStatus>
    {
        ["NEW"] = ServiceRequestStatus.Submitted,
        ["ACCEPTED"] = ServiceRequestStatus.Verified,
        ["IN_PROGRESS"] = ServiceRequestStatus.InProcess,
        ["INCOMPLETE"] = ServiceRequestStatus.NeedsInformation,
        ["DONE"] = ServiceRequestStatus.Completed,
        ["REJECTED"] = ServiceRequestStatus.Rejected,
    };

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ApiKeyHeader"] = DinaskuApp.KeyHeader,
        ["ApiKey"] = ApiKey,
    };

    protected override Task<SampleLegacyApp> StartLegacyAppAsync() => DinaskuApp.StartAsync(ApiKey);

    protected override void Register(AdapterBuilder adapters) => adapters.AddDinasku();
}

public sealed class DinaskuConformanceTests(DinaskuFixture fixture) : AdapterConformanceTests<DinaskuFixture>(fixture);

/// <summary>The adapter as a service of its own (as Adapters.Dinasku.Service runs it), judged over HTTP through the gateway's client.</summary>
public sealed class DinaskuServiceFixture : DinaskuFixture
{
    protected override bool OutOfProcess => true;
}

public sealed class DinaskuServiceConformanceTests(DinaskuServiceFixture fixture) : AdapterConformanceTests<DinaskuServiceFixture>(fixture);

/// <summary>Dinasku's own quirks go here, beside the kit's suite.</summary>
public sealed class DinaskuQuirkTests(DinaskuFixture fixture) : IClassFixture<DinaskuFixture>
{
    [Fact]
    public void Every_status_the_sample_app_knows_is_in_the_fixture() =>
        Assert.Equal(DinaskuApp.Statuses.Order(), fixture.ExpectedStatuses.Keys.Order());
}

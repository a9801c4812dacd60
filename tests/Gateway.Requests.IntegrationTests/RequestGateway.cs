using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adapters.Disdukcapil.LegacyApp;
using Gateway.Adapters.SampleHost;

namespace Gateway.Requests.IntegrationTests;

/// <summary>A gateway whose Disdukcapil adapter files into a sample SIAK on loopback, and a service with a form bound to it.</summary>
public abstract class RequestGatewayBase(DatabaseKind database) : IAsyncLifetime
{
    public const string Agency = "disdukcapil";
    public const string ServiceSlug = "akta-kelahiran";
    public const string SiakKey = "siak-key-for-request-tests-0001";

    public GatewayApp App { get; private set; } = null!;

    public SampleLegacyApp Siak { get; private set; } = null!;

    public static JsonObject Form => JsonNode.Parse("""
        { "type": "object", "required": ["nama_anak", "tanggal_lahir", "nik_ibu"],
          "properties": {
            "nama_anak": { "type": "string", "minLength": 2, "maxLength": 100 },
            "tanggal_lahir": { "type": "string", "format": "date" },
            "nik_ibu": { "type": "string", "pattern": "^[0-9]{16}$" },
            "anak_ke": { "type": "integer", "minimum": 1 } } }
        """)!.AsObject();

    public async ValueTask InitializeAsync()
    {
        Siak = await SiakApp.StartAsync(SiakKey);
        App = await GatewayApp.StartAsync(database, settings: new Dictionary<string, string?>
        {
            ["Adapters:Disdukcapil:BaseAddress"] = Siak.BaseAddress.ToString(),
            ["Adapters:Disdukcapil:ApiKeyHeader"] = SiakApp.KeyHeader,
            ["Adapters:Disdukcapil:ApiKey"] = SiakKey,
            ["Adapters:Disdukcapil:TimeoutSeconds"] = "2",
            ["Adapters:Disdukcapil:PollSeconds"] = "1",
            ["Adapters:Disdukcapil:Services:0"] = ServiceSlug,
            ["Requests:DispatchSweepSeconds"] = "1",
            ["Requests:MaxRetryDelaySeconds"] = "10",
            ["Requests:OverdueCheckSeconds"] = "1",
            ["Requests:AdapterServicePollSeconds"] = "1",
        });
        await App.CreateAgencyAsync(Agency);
        await App.CreateAgencyAsync("dpmptsp");
        var service = TestData.Service(ServiceSlug, Agency);
        service["requestForm"] = Form;
        using var admin = App.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services", service)).EnsureSuccessAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Siak.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class RequestGateway() : RequestGatewayBase(DatabaseKind.Sqlite);

public sealed class PostgresRequestGateway() : RequestGatewayBase(DatabaseKind.Postgres);

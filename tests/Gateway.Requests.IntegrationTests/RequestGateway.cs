using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adapters.Disdukcapil;
using Adapters.Disdukcapil.LegacyApp;
using Gateway.Adapters.SampleHost;
using Gateway.Adapters.Sdk.Service;

namespace Gateway.Requests.IntegrationTests;

/// <summary>
/// A gateway, a sample SIAK on loopback and the Disdukcapil adapter service in front of it (its own Kestrel),
/// and a service with a form whose app is that adapter service.
/// </summary>
public abstract class RequestGatewayBase(DatabaseKind database) : IAsyncLifetime
{
    public const string Agency = "disdukcapil";
    public const string ServiceSlug = "akta-kelahiran";
    public const string SiakKey = "siak-key-for-request-tests-0001";
    public const string AdapterKey = "adapter-key-for-request-tests-0000000001";

    public GatewayApp App { get; private set; } = null!;

    public SampleLegacyApp Siak { get; private set; } = null!;

    public AdapterServiceApp Adapter { get; private set; } = null!;

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
            ["Requests:DispatchSweepSeconds"] = "1",
            ["Requests:MaxRetryDelaySeconds"] = "10",
            ["Requests:OverdueCheckSeconds"] = "1",
            ["Requests:AdapterServicePollSeconds"] = "1",
        });
        Adapter = await AdapterServices.StartAsync(b => b.AddDisdukcapilService(), a => a.MapDisdukcapilService(),
            DisdukcapilRegistration.Name, Agency, AdapterKey, App, (Siak.BaseAddress, SiakApp.KeyHeader, SiakKey),
            new Dictionary<string, string?> { [$"Adapters:{DisdukcapilRegistration.Name}:TimeoutSeconds"] = "2" });
        await App.CreateAgencyAsync(Agency);
        await App.CreateAgencyAsync("dpmptsp");
        var service = TestData.Service(ServiceSlug, Agency, AdapterServices.Exposure(Adapter.BaseAddress, AdapterKey));
        service["requestForm"] = Form;
        using var admin = App.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/admin/services", service)).EnsureSuccessAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Adapter.DisposeAsync();
        await Siak.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class RequestGateway() : RequestGatewayBase(DatabaseKind.Sqlite);

public sealed class PostgresRequestGateway() : RequestGatewayBase(DatabaseKind.Postgres);

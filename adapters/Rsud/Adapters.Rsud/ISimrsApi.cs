using Refit;

namespace Adapters.Rsud;

/// <summary>SIMRS as the adapter uses it (openapi/agencies/rsud-simrs.yaml); basic credentials are added by the SDK.</summary>
public interface ISimrsApi
{
    /// <summary>The online registration form; answers <c>OK;{number}</c> or <c>GAGAL;{reason}</c> as plain text.</summary>
    [Post("/pendaftaran/online.php")]
    Task<string> DaftarAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    /// <summary>Every registration of the export window, semicolon-separated, ending with <c>TOTAL;n</c>.</summary>
    [Get("/export/antrian.csv")]
    Task<string> ExportAsync(CancellationToken cancellationToken);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class SimrsJson : System.Text.Json.Serialization.JsonSerializerContext;

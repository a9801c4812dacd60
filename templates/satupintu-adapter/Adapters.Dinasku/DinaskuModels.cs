using System.Text.Json.Serialization;

namespace Adapters.Dinasku;

// Dinasku's wire format. Name the properties as the app does ([JsonPropertyName]).

public sealed record DinaskuNewCase(
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("applicant_nik")] string? ApplicantNik,
    [property: JsonPropertyName("applicant_name")] string ApplicantName,
    [property: JsonPropertyName("fields")] IReadOnlyDictionary<string, string> Fields);

public sealed record DinaskuCase(
    [property: JsonPropertyName("number")] string? Number,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("note")] string? Note);

/// <summary>Refit 16 needs generated clients and a source-generated context with Web defaults.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DinaskuNewCase))]
[JsonSerializable(typeof(DinaskuCase))]
internal sealed partial class DinaskuJson : JsonSerializerContext;

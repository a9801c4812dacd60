using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Adapters.Sdk.Calls;
using Gateway.Contracts.Adapters.V1;

namespace Gateway.Adapters.Sdk.Protocol;

/// <summary>The contract's JSON: web defaults, enums as their names, generated (no reflection at run time).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdapterSubmission))]
[JsonSerializable(typeof(AdapterOutcome))]
[JsonSerializable(typeof(AdapterManifest))]
[JsonSerializable(typeof(StatusQuery))]
[JsonSerializable(typeof(StatusAnswer))]
[JsonSerializable(typeof(RegistryCheck))]
[JsonSerializable(typeof(RegistryVerdict))]
public sealed partial class ProtocolJson : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Adapters.Sdk.Protocol;
using Gateway.Contracts.Adapters.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Adapters.Sdk.Service;

/// <summary>
/// The adapter contract over HTTP. The adapter runs each call exactly as the gateway runs an in-process
/// adapter (<see cref="AdapterRuns"/>), so an adapter behaves the same wherever it runs; the answer is
/// the sorted outcome, proven with the adapter's key.
/// </summary>
internal static class AdapterContractEndpoints
{
    /// <summary>How long a filing's outcome is replayed for the same idempotency key without asking the legacy app again.</summary>
    private static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(30);

    public static void MapAdapterContract(this IEndpointRouteBuilder app)
    {
        var contract = app.MapGroup("").RequireAuthorization(GatewaySchemes.GatewayCall).ExcludeFromDescription();
        contract.MapGet(AdapterProtocol.ManifestPath, Manifest);
        contract.MapPost(AdapterProtocol.SubmissionsPath, SubmitAsync);
        contract.MapPost(AdapterProtocol.StatusesPath, StatusesAsync);
        contract.MapPut(AdapterProtocol.DocumentsPath + "/{reference}/{documentId:guid}", AttachAsync);
        contract.MapPost(AdapterProtocol.CivilRegistryChecksPath, CheckCivilRegistryAsync);
    }

    private static IResult Manifest(HttpContext http, IOptions<AdapterServiceOptions> options)
    {
        var adapter = Served(http, options.Value);
        var documents = adapter as IDocumentAdapter;
        var manifest = new AdapterManifest(options.Value.Adapter, 1,
            documents is null ? [] : [.. documents.AcceptedContentTypes.Order(StringComparer.Ordinal)],
            documents?.MaxDocumentBytes ?? 0, adapter.Statuses.Entries);
        return Proven(http, options.Value, manifest, ProtocolJson.Default.AdapterManifest);
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, AdapterSubmission submission, IOptions<AdapterServiceOptions> options,
        IMemoryCache replays, CancellationToken cancellationToken)
    {
        if (http.Request.Headers[AdapterProtocol.IdempotencyKeyHeader].FirstOrDefault() != submission.RequestId.ToString())
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Idempotency-Key must be the submission's requestId",
                detail: "One request is filed once: the gateway sends its request id as the key, and a repeated key returns the first filing.");
        }

        var cacheKey = ("submission", options.Value.Adapter, submission.RequestId);
        if (!replays.TryGetValue(cacheKey, out AdapterOutcome? outcome))
        {
            outcome = await AdapterRuns.SubmitAsync(Served(http, options.Value), submission, cancellationToken);
            if (outcome.Kind is AdapterOutcomeKind.Done or AdapterOutcomeKind.Refused)
            {
                replays.Set(cacheKey, outcome, ReplayWindow);
            }
        }

        return Proven(http, options.Value, outcome!, ProtocolJson.Default.AdapterOutcome);
    }

    private static async Task<IResult> StatusesAsync(HttpContext http, StatusQuery query, IOptions<AdapterServiceOptions> options, CancellationToken cancellationToken)
    {
        var answer = await StatusAnswers.PollAsync(Served(http, options.Value), query.References, cancellationToken);
        return Proven(http, options.Value, answer, ProtocolJson.Default.StatusAnswer);
    }

    private static async Task<IResult> AttachAsync(HttpContext http, string reference, Guid documentId, IOptions<AdapterServiceOptions> options,
        CancellationToken cancellationToken)
    {
        if (Served(http, options.Value) is not IDocumentAdapter documents)
        {
            return Proven(http, options.Value, new AdapterOutcome(AdapterOutcomeKind.Refused, reference,
                Note: "Sistem instansi ini tidak menerima dokumen daring.", Problem: "this adapter takes no documents"), ProtocolJson.Default.AdapterOutcome);
        }

        var document = new AdapterDocument
        {
            DocumentId = documentId,
            FileName = Uri.UnescapeDataString(http.Request.Headers[AdapterProtocol.DocumentNameHeader].FirstOrDefault() ?? documentId.ToString()),
            ContentType = http.Request.ContentType ?? "application/octet-stream",
            Length = http.Request.ContentLength ?? 0,
            Sha256 = http.Request.Headers[AdapterProtocol.DocumentSha256Header].FirstOrDefault() ?? "",
        };
        // The reference travels escaped (legacy numbers hold slashes); routing leaves %2F as it is.
        var outcome = await AdapterRuns.AttachDocumentAsync(documents, Uri.UnescapeDataString(reference), document, http.Request.Body, cancellationToken);
        return Proven(http, options.Value, outcome, ProtocolJson.Default.AdapterOutcome);
    }

    private static async Task<IResult> CheckCivilRegistryAsync(HttpContext http, RegistryCheck check, IOptions<AdapterServiceOptions> options,
        CancellationToken cancellationToken)
    {
        if (http.RequestServices.GetService<ICivilRegistry>() is not { } registry)
        {
            // Proven too, so the gateway can tell "this adapter has no registry" from "someone else answered".
            return ProvenStatus(http, options.Value, StatusCodes.Status404NotFound);
        }

        var answer = await registry.CheckAsync(new RegistryQuery(check.Nik, check.FullName, check.DateOfBirth), cancellationToken);
        return Proven(http, options.Value, new RegistryVerdict(answer), ProtocolJson.Default.RegistryVerdict);
    }

    private static IServiceAdapter Served(HttpContext http, AdapterServiceOptions options) =>
        http.RequestServices.GetRequiredKeyedService<IServiceAdapter>(options.Adapter);

    /// <summary>The answer as JSON, with the adapter's proof over this call's nonce (the call token's <c>jti</c>) and these exact bytes.</summary>
    private static IResult Proven<T>(HttpContext http, AdapterServiceOptions options, T value, JsonTypeInfo<T> type)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, type);
        Prove(http, options, body);
        return Results.Bytes(body, "application/json");
    }

    /// <summary>An empty answer with <paramref name="status"/>, proven like any other.</summary>
    private static IResult ProvenStatus(HttpContext http, AdapterServiceOptions options, int status)
    {
        Prove(http, options, []);
        return Results.StatusCode(status);
    }

    private static void Prove(HttpContext http, AdapterServiceOptions options, byte[] body)
    {
        var nonce = http.User.FindFirst("jti")?.Value ?? "";
        http.Response.Headers[AdapterProtocol.ProofHeader] = AdapterProof.Compute(options.Key, nonce, body);
    }
}

using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Contracts.Adapters.V1;

namespace Gateway.Adapters.Sdk.Protocol;

/// <summary>A call token and its nonce (the token's <c>jti</c>), as the gateway signs one per call.</summary>
public readonly record struct SignedCall(string Token, string Nonce);

/// <summary>
/// The gateway's end of the contract: calls an adapter service over HTTP. Each call carries a token
/// from <paramref name="sign"/>; each answer must carry the adapter's proof over that call, made with
/// <paramref name="key"/> — an answer without it is not believed (someone else answered at that address).
/// Everything comes back as an outcome in the gateway's terms; nothing throws but cancellation. The
/// gateway and the adapter test kit both use it, so the kit checks the very client the gateway runs.
/// </summary>
public sealed class AdapterServiceClient(HttpClient http, Uri address, string key, string agencyCode, Func<string, SignedCall> sign, TimeSpan callTimeout)
{
    public async Task<AdapterOutcome> SubmitAsync(AdapterSubmission submission, CancellationToken cancellationToken)
    {
        var (answer, failure) = await CallAsync(HttpMethod.Post, AdapterProtocol.SubmissionsPath, request =>
        {
            request.Headers.Add(AdapterProtocol.IdempotencyKeyHeader, submission.RequestId.ToString());
            request.Content = Json(submission, ProtocolJson.Default.AdapterSubmission);
        }, ProtocolJson.Default.AdapterOutcome, "submit", cancellationToken);
        return answer ?? failure!;
    }

    public async Task<StatusAnswer> FetchStatusesAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        var (answer, failure) = await CallAsync(HttpMethod.Post, AdapterProtocol.StatusesPath,
            request => request.Content = Json(new StatusQuery([.. references]), ProtocolJson.Default.StatusQuery),
            ProtocolJson.Default.StatusAnswer, "poll", cancellationToken);
        return answer ?? new StatusAnswer([], failure);
    }

    /// <summary>The adapter's manifest, or the failure that kept it from being read.</summary>
    public async Task<(AdapterManifest? Manifest, AdapterOutcome? Failure)> ManifestAsync(CancellationToken cancellationToken) =>
        await CallAsync(HttpMethod.Get, AdapterProtocol.ManifestPath, _ => { }, ProtocolJson.Default.AdapterManifest, "read the manifest", cancellationToken);

    public async Task<AdapterOutcome> AttachDocumentAsync(string reference, AdapterDocument document, Stream content, CancellationToken cancellationToken)
    {
        var (answer, failure) = await CallAsync(HttpMethod.Put, $"{AdapterProtocol.DocumentsPath}/{Uri.EscapeDataString(reference)}/{document.DocumentId}",
            request =>
            {
                request.Content = new StreamContent(content);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(document.ContentType);
                request.Content.Headers.ContentLength = document.Length;
                request.Headers.Add(AdapterProtocol.DocumentNameHeader, Uri.EscapeDataString(document.FileName));
                request.Headers.Add(AdapterProtocol.DocumentSha256Header, document.Sha256);
            }, ProtocolJson.Default.AdapterOutcome, "attach document", cancellationToken);
        return answer ?? failure!;
    }

    /// <summary>
    /// Asks the civil registry behind the adapter. Anything but a proven answer (down, refused, not this
    /// agency's adapter) is <see cref="RegistryAnswer.Unavailable"/>, with the reason for the operator's log.
    /// </summary>
    public async Task<(RegistryAnswer Answer, string? Problem)> CheckCivilRegistryAsync(RegistryQuery query, CancellationToken cancellationToken)
    {
        var (verdict, failure) = await CallAsync(HttpMethod.Post, AdapterProtocol.CivilRegistryChecksPath,
            request => request.Content = Json(new RegistryCheck(query.Nik, query.FullName, query.DateOfBirth), ProtocolJson.Default.RegistryCheck),
            ProtocolJson.Default.RegistryVerdict, "check a NIK", cancellationToken);
        return verdict is null ? (RegistryAnswer.Unavailable, failure!.Problem) : (verdict.Answer, null);
    }

    /// <summary>
    /// One call: signed, timed out after the exposure's timeout, its answer proven. What cannot be
    /// believed comes back as a failure outcome in the gateway's terms, never as an exception.
    /// </summary>
    private async Task<(T? Answer, AdapterOutcome? Failure)> CallAsync<T>(HttpMethod method, string path, Action<HttpRequestMessage> prepare,
        JsonTypeInfo<T> type, string what, CancellationToken cancellationToken) where T : class
    {
        var token = sign(agencyCode);
        using var request = new HttpRequestMessage(method, new Uri(address, path.TrimStart('/')));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        prepare(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(callTimeout);
        byte[] body;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, Failure(AdapterOutcomeKind.RetryLater, $"adapter service at {address} did not answer ({what}): {ex.Message}"));
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is 408 or 429 or >= 500)
            {
                return (null, Failure(AdapterOutcomeKind.RetryLater, $"adapter service answered HTTP {status} ({what})"));
            }

            if (status is 401 or 403)
            {
                var reason = string.Join(" ", response.Headers.WwwAuthenticate.Select(h => h.Parameter)); // the SDK says why (JwtBearer's error_description)
                return (null, Failure(AdapterOutcomeKind.Broken,
                    $"adapter service refused the gateway's token ({what}, HTTP {status}{(reason.Length > 0 ? ": " + reason : "")}): check its AdapterService:Gateway (where it reads our keys) and AgencyCode ({agencyCode})"));
            }

            var proof = response.Headers.TryGetValues(AdapterProtocol.ProofHeader, out var values) ? values.FirstOrDefault() : null;
            if (!AdapterProof.Verify(key, token.Nonce, body, proof))
            {
                return (null, Failure(AdapterOutcomeKind.Broken,
                    $"the answer from {address} ({what}, HTTP {status}) is not proven with the adapter key registered for this service: not the agency's adapter, or its AdapterService:Key differs from the catalogue's"));
            }

            if (!response.IsSuccessStatusCode)
            {
                return (null, Failure(AdapterOutcomeKind.Broken, $"adapter service refused the call ({what}): HTTP {status}"));
            }

            try
            {
                return (JsonSerializer.Deserialize(body, type) ?? throw new JsonException("empty answer"), null);
            }
            catch (JsonException ex)
            {
                return (null, Failure(AdapterOutcomeKind.Broken, $"adapter service's answer could not be read ({what}): {ex.Message}"));
            }
        }
    }

    private static AdapterOutcome Failure(AdapterOutcomeKind kind, string problem) => new(kind, Problem: problem);

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}

using System.Net;
using System.Text.Json;
using System.Xml;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Gateway.Adapters.Sdk.Calls;

/// <summary>
/// Turns what an HTTP client throws into the three outcomes the gateway acts on: unavailable (retry
/// later), contract broken (operators), refused (tell the citizen). Adapters wrap each legacy call in
/// <see cref="RunAsync{T}"/> so they never have to know Polly's or Refit's exception types.
/// </summary>
public static class LegacyCalls
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, string what, CancellationToken cancellationToken = default)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Classify(ex, what) is { } classified)
        {
            throw classified;
        }
    }

    public static Task RunAsync(Func<Task> call, string what, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            await call();
            return true;
        }, what, cancellationToken);

    /// <summary>Null for exceptions already classified (or not ours to classify), so they pass through unchanged.</summary>
    public static Exception? Classify(Exception ex, string what) => ex switch
    {
        LegacyUnavailableException or LegacyContractException or LegacyRefusedException => null,
        ApiException { StatusCode: HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError } api =>
            new LegacyUnavailableException($"{what}: the legacy app answered {(int)api.StatusCode}", ex),
        ApiException api => new LegacyContractException($"{what}: the legacy app answered {(int)api.StatusCode} {api.ReasonPhrase}", ex),
        ApiRequestException or HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException or TimeoutException =>
            new LegacyUnavailableException($"{what}: {ex.GetType().Name}: {ex.Message}", ex),
        JsonException or XmlException or InvalidOperationException or FormatException =>
            new LegacyContractException($"{what}: unreadable answer: {ex.Message}", ex),
        _ => null,
    };
}

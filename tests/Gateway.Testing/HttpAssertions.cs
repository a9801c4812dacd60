using System.Text.Json;

namespace Gateway.Testing;

public static class HttpAssertions
{
    /// <summary>Like EnsureSuccessStatusCode, but the failure message carries the body (usually a problem).</summary>
    public static async Task EnsureSuccessAsync(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        }
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls until <paramref name="check"/> holds or the time is up; returns how long it took.</summary>
    public static async Task<TimeSpan> EventuallyAsync(Func<Task<bool>> check, TimeSpan within, string what)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < within)
        {
            if (await check())
            {
                return started.Elapsed;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"Not true within {within.TotalSeconds:F1} s: {what}");
    }
}

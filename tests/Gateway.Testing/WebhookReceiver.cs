using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.Testing;

/// <summary>
/// An agency app's webhook endpoint on a loopback port: records every post (body and headers) and
/// answers 500 while <see cref="Failing"/> is set, like an app whose server is down for maintenance;
/// never answers while <see cref="Hanging"/> is set, like one stuck behind a dead upstream; and takes
/// <see cref="Delay"/> over each answer, like a slow one.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public bool Failing { get; set; }

    public bool Hanging { get; set; }

    public TimeSpan Delay { get; set; }

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var app = LoopbackApp.Create();
        var receiver = new WebhookReceiver(app);
        app.UseRouting();
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Received.Enqueue(new ReceivedWebhook(
                body,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                receiver.Failing));
            if (receiver.Hanging)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }

            await Task.Delay(receiver.Delay, context.RequestAborted);
            return receiver.Failing ? Results.StatusCode(500) : Results.NoContent();
        });
        await app.StartAsync();
        receiver.Url = new Uri(LoopbackApp.AddressOf(app), "/hooks");
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ReceivedWebhook(string Body, IReadOnlyDictionary<string, string> Headers, bool AnsweredWithFailure);

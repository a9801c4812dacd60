using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Testing;

/// <summary>
/// Stands in for an agency app behind the gateway, on a loopback port:
/// <c>/echo/**</c> returns what arrived (method, path, headers), <c>/slow/{ms}</c> answers late,
/// <c>/status/{code}</c> answers with that status, <c>/health</c> answers 200 or 503 per <see cref="Healthy"/>.
/// </summary>
public sealed class LegacyBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LegacyBackend(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Switch the health endpoint between 200 and 503.</summary>
    public bool Healthy { get; set; } = true;

    /// <summary>Number of requests that reached this backend.</summary>
    public int Requests => _requests;

    /// <summary>Number of requests to <c>/health</c>.</summary>
    public int HealthProbes => _healthProbes;

    /// <summary>Requests to <c>/slow/{ms}</c> being answered right now.</summary>
    public int SlowInFlight => Volatile.Read(ref _slowInFlight);

    private int _requests;
    private int _healthProbes;
    private int _slowInFlight;

    public static async Task<LegacyBackend> StartAsync()
    {
        var app = LoopbackApp.Create();
        LegacyBackend? self = null;

        app.Use((context, next) =>
        {
            Interlocked.Increment(ref self!._requests);
            return next(context);
        });
        app.MapGet("/health", () =>
        {
            Interlocked.Increment(ref self!._healthProbes);
            return self.Healthy ? Results.Text("ok") : Results.StatusCode(503);
        });
        app.Map("/echo/{**rest}", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            var body = await reader.ReadToEndAsync();
            await c.Response.WriteAsJsonAsync(new EchoReply(
                c.Request.Method,
                c.Request.Path.Value ?? string.Empty,
                c.Request.QueryString.Value ?? string.Empty,
                c.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
        });
        app.MapGet("/slow/{ms:int}", async (int ms, CancellationToken ct) =>
        {
            Interlocked.Increment(ref self!._slowInFlight);
            try
            {
                await Task.Delay(ms, ct);
                return Results.Text($"slept {ms} ms");
            }
            finally
            {
                Interlocked.Decrement(ref self._slowInFlight);
            }
        });
        app.MapGet("/status/{code:int}", (int code) => Results.Text($"status {code}", statusCode: code));
        // An agency app that tries to plant the gateway's cookies and to share its own with the whole city.
        app.MapGet("/cookies/set", (HttpContext c) =>
        {
            c.Response.Headers.Append("Set-Cookie", "satupintu.apps=planted; Path=/; HttpOnly");
            c.Response.Headers.Append("Set-Cookie", "__Host-satupintu.session=planted; Path=/; Secure");
            c.Response.Headers.Append("Set-Cookie", ".AspNetCore.Antiforgery.x=planted; Path=/");
            c.Response.Headers.Append("Set-Cookie", "theirs=1; Domain=localhost; Path=/; HttpOnly");
            c.Response.Headers.Append("Set-Cookie", "plain=2; Path=/");
            return Results.Text("cookies set");
        });
        // A page of a legacy app whose script (served from the apps origin) is the attacker: it reads the
        // gateway's origins from its query string, tries them, and writes what happened into the page.
        app.MapGet("/page/attacker", () => Results.Content(AttackerPage.Html, "text/html; charset=utf-8"));

        await app.StartAsync();
        self = new LegacyBackend(app, LoopbackApp.AddressOf(app));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record EchoReply(string Method, string Path, string Query, Dictionary<string, string> Headers, string Body);

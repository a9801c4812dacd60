using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.SampleHost;

/// <summary>Misbehaviours real department systems show, switched on for the next N calls.</summary>
public enum FaultKind
{
    None,

    /// <summary>Answers after 30 s (longer than any adapter waits).</summary>
    Timeout,

    /// <summary>Answers 500 with an HTML error page, as a crashed PHP or Java app does.</summary>
    ServerError,

    /// <summary>Answers 200 with a body that is cut off halfway.</summary>
    Malformed,

    /// <summary>Answers 429 with Retry-After: 1.</summary>
    RateLimited,
}

/// <summary>Applies the switched-on fault to calls (not to the control surface under <c>/_sample</c>).</summary>
public sealed class FaultSwitch
{
    private FaultKind _kind;
    private int _remaining;

    public void Set(FaultKind kind, int times = 1)
    {
        lock (this)
        {
            _kind = kind;
            _remaining = kind == FaultKind.None ? 0 : times;
        }
    }

    private FaultKind Take()
    {
        lock (this)
        {
            if (_remaining <= 0)
            {
                return FaultKind.None;
            }

            _remaining--;
            return _kind;
        }
    }

    internal async Task Middleware(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/_sample"))
        {
            await next(context);
            return;
        }

        switch (Take())
        {
            case FaultKind.Timeout:
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case FaultKind.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body><h1>500 Internal Server Error</h1><p>ORA-12541: TNS:no listener</p></body></html>");
                return;
            case FaultKind.RateLimited:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "1";
                return;
            case FaultKind.Malformed:
                await MalformedAsync(context, next);
                return;
            default:
                await next(context);
                return;
        }
    }

    /// <summary>Lets the app answer, then sends only the first half of its body.</summary>
    private static async Task MalformedAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next(context);
        context.Response.Body = original;
        var bytes = buffer.ToArray();
        var half = bytes.AsMemory(0, Math.Max(1, bytes.Length / 2));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = half.Length;
        await original.WriteAsync(half);
    }
}

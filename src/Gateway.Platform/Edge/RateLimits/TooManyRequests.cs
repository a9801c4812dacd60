using System.Globalization;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Http;

namespace Gateway.Platform.Edge.RateLimits;

/// <summary>The one answer to a limit reached: 429 with <c>Retry-After</c>, a problem naming the wait.</summary>
public static class TooManyRequests
{
    public static readonly ProblemKind Kind = new(429, "too-many-requests",
        new("Terlalu banyak permintaan.", "Too many requests."));

    public static BilingualText Detail(TimeSpan retryAfter)
    {
        var seconds = Seconds(retryAfter);
        return new($"Terlalu banyak percobaan. Coba lagi dalam {seconds} detik.", $"Too many attempts. Try again in {seconds} seconds.");
    }

    public static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    /// <summary>Sets <c>Retry-After</c> and writes the problem (a short page for a browser's form).</summary>
    public static async Task WriteAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = Seconds(retryAfter).ToString(CultureInfo.InvariantCulture);
        if (!context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            await Problems.Problems.WriteAsync(context, () => Problems.Problems.Create(Kind, Detail(retryAfter)));
            return;
        }

        RequestCultures.Set(await RequestCultures.ResolveAsync(context));
        context.Response.StatusCode = Kind.Status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var text = System.Net.WebUtility.HtmlEncode(Detail(retryAfter).Localize());
        var lang = Languages.PrefersEnglish() ? Languages.English : Languages.Indonesian;
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>429</title></head><body><h1>{System.Net.WebUtility.HtmlEncode(Kind.Title.Localize())}</h1><p>{text}</p></body></html>");
    }

    /// <summary>The same as an endpoint result.</summary>
    public static IResult Result(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = Seconds(retryAfter).ToString(CultureInfo.InvariantCulture);
        return Problems.Problems.Result(Kind, Detail(retryAfter));
    }
}

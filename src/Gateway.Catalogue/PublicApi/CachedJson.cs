using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gateway.Catalogue.PublicApi;

/// <summary>
/// JSON with an ETag computed from the body, answering 304 when the client already has it: the
/// catalogue changes rarely and city links are thin. Short max-age because status is live.
/// </summary>
internal sealed class CachedJson<T>(T value) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, json);
        var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(body), 0, 12)}\"";

        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "public, max-age=5";
        headers.Vary = "Accept-Language, Accept-Encoding";

        if (EntityTagHeaderValue.TryParseList([.. context.Request.Headers.IfNoneMatch.OfType<string>()], out var tags)
            && tags.Any(t => t.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}

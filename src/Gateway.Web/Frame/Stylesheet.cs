using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Web.Frame;

/// <summary>
/// The pages' one small stylesheet, served from the assembly with a content hash in its address so it is
/// cached for a year and fetched once per change (thin city links). A file, not an inline block: the
/// content security policy allows no inline style.
/// </summary>
public static class Stylesheet
{
    private static readonly byte[] Content = Load();
    private static readonly string Version = Convert.ToHexString(SHA256.HashData(Content), 0, 6).ToLowerInvariant();

    public const string Path = "/assets/satupintu.css";

    public static string Url { get; } = $"{Path}?v={Version}";

    public static void MapStylesheet(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.ETag = $"\"{Version}\"";
            return Results.Bytes(Content, "text/css; charset=utf-8");
        }).ExcludeFromDescription();

    private static byte[] Load()
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("Gateway.Web.site.css")
            ?? throw new InvalidOperationException("The stylesheet is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

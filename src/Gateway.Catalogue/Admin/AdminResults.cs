using Gateway.Catalogue.Editing;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Gateway.Catalogue.Admin;

/// <summary>Maps edit outcomes to HTTP, and versions to ETag / If-Match (optimistic concurrency).</summary>
internal static class AdminResults
{
    public static IResult ToResult<T>(this EditResult<T> result, Func<T, IResult> ok) =>
        result.Failure is { } f ? Problems.Result(f.Kind, f.Detail, f.Errors) : ok(result.Value!);

    public static string ETagOf(int version) => $"W/\"{version}\"";

    /// <summary>The version the client last saw (<c>If-Match: W/"3"</c>), or null when it sent none.</summary>
    public static int? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header == "*")
        {
            return null;
        }

        return EntityTagHeaderValue.TryParse(header, out var tag)
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), out var version)
            ? version
            : -1; // an ETag we never issued: it cannot match
    }

    public static IResult WithETag(this IResult result, HttpContext context, int version)
    {
        context.Response.Headers.ETag = ETagOf(version);
        return result;
    }
}

using Microsoft.AspNetCore.Http;

namespace Gateway.Platform.Edge;

/// <summary>
/// Headers on every answer of the gateway's own (not on proxied agency apps' answers, which are theirs):
/// a content security policy without inline script, no MIME sniffing, no framing, no referrer leaving for
/// another origin (sign-in URLs carry codes and return addresses; same-origin keeps <c>Origin</c> honest
/// on the gateway's own forms).
/// </summary>
internal static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    // Swagger UI (staff only) sets style attributes in its markup; its scripts stay external.
    private const string SwaggerPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? SwaggerPolicy : Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next();
    }
}

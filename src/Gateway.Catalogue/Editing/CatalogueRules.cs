using System.Text.RegularExpressions;

namespace Gateway.Catalogue.Editing;

/// <summary>Formats and limits of catalogue identifiers and paths.</summary>
internal static partial class CatalogueRules
{
    public static readonly string[] AllowedMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    public static readonly string[] DefaultMethods = ["GET", "HEAD"];

    /// <summary>Paths the gateway answers itself (or will, as modules land); no service may take them.</summary>
    public static readonly string[] ReservedPrefixes =
        ["/api", "/swagger", "/healthz", "/connect", "/account", "/admin", "/portal", "/metrics", "/.well-known", "/favicon.ico"];

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    public static partial Regex AgencyCode();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Slug();

    [GeneratedRegex("^(/[a-z0-9][a-z0-9._~-]*)+$")]
    public static partial Regex PathPrefix();

    [GeneratedRegex("^/[A-Za-z0-9._~!$&'()*+,;=:@/%-]*$")]
    public static partial Regex HealthPath();

    [GeneratedRegex("^agency:[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9._-]*)?$")]
    public static partial Regex Scope();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    public static partial Regex HeaderName();

    public static bool IsReserved(string prefix) =>
        ReservedPrefixes.Any(r => prefix == r || prefix.StartsWith(r + "/", StringComparison.Ordinal))
        || prefix.StartsWith("/_", StringComparison.Ordinal);

    /// <summary>Two prefixes overlap when one is the other or a path-segment ancestor of it.</summary>
    public static bool Overlaps(string a, string b) =>
        a == b || a.StartsWith(b + "/", StringComparison.Ordinal) || b.StartsWith(a + "/", StringComparison.Ordinal);

    /// <summary>An absolute http(s) URL without credentials, query or fragment.</summary>
    public static bool IsValidDestination(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo)
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.Fragment);
}

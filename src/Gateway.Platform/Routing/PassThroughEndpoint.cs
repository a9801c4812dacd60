using Microsoft.AspNetCore.Http;

namespace Gateway.Platform.Routing;

/// <summary>
/// Marks endpoints whose responses belong to someone else (the proxied agency apps). They take the lean
/// path: no language negotiation, no status-code pages, no compression — each costs throughput on every
/// forwarded request and none is needed there.
/// </summary>
public sealed class PassThroughEndpoint
{
    public static readonly PassThroughEndpoint Instance = new();

    private PassThroughEndpoint()
    {
    }

    public static bool IsPassThrough(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<PassThroughEndpoint>() is not null;
}

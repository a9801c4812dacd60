using Gateway.Platform.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Gateway.Platform.Security;

/// <summary>
/// What a request the authorization middleware refuses gets: APIs answer as <see cref="AccessRefusals"/>
/// says (one answer, whichever schemes a policy names: each scheme's own challenge would write its own,
/// conflicting one); the gateway's own pages keep their cookie's redirect to their sign-in page.
/// </summary>
internal sealed class GatewayAuthorizationResults(AccessRefusals refusals) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result) =>
        result.Succeeded || IsOwnPage(context) ? _default.HandleAsync(next, context, policy, result)
        : result.Challenged ? refusals.ChallengeAsync(context)
        : AccessRefusals.ForbidAsync(context, AccessRefusals.NotYours);

    private static bool IsOwnPage(HttpContext context) =>
        !PassThroughEndpoint.IsPassThrough(context)
        && !context.Request.Path.StartsWithSegments("/api")
        && !context.Request.Path.StartsWithSegments("/connect");
}

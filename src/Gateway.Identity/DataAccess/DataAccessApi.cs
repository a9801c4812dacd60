using Gateway.Platform.Edge;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Identity.DataAccess;

/// <summary><c>/api/me/data-access</c>: the same list as the <c>/akun/data</c> page, for the portal and apps acting for the resident.</summary>
internal static class DataAccessApi
{
    public static void MapDataAccessApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPortal().MapGet("/api/me/data-access", ListAsync)
            .RequireAuthorization(p => p.AddAuthenticationSchemes(SignOnSchemes.BearerOrSession).RequireAuthenticatedUser())
            .WithTags("My data")
            .WithSummary("Who used my personal data: which agency's officer or app read or changed it, about which request, when (newest first, at most 200)")
            .Produces<List<DataAccessEntry>>();

    private static async Task<IResult> ListAsync(HttpContext http, DataAccessLog log, CancellationToken cancellationToken) =>
        http.User.AccountIdOf() is { } account
            ? TypedResults.Ok(await log.ForAsync(account, cancellationToken))
            : TypedResults.Forbid();
}

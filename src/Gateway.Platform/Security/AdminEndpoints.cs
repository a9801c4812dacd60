using Gateway.Platform.Edge;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Platform.Security;

public static class AdminEndpoints
{
    /// <summary><c>/api/admin</c> on the administration origin for a module's administration endpoints: admin policy, documented 401.</summary>
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapAdministration("/api/admin")
            .RequireAuthorization(Policies.Admin)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemDetails), ["application/problem+json"]));
}

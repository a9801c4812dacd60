using Gateway.Catalogue.Model;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Model;

namespace Gateway.Catalogue.Proxy;

/// <summary>
/// The authorization policies behind each access rule. Which agency owns a route and which scope it
/// requires are route metadata, written when the routes are built, so one policy serves every route.
/// A bearer token or the apps origin's own cookie both count as signed in (never the portal's session).
/// </summary>
internal static class AccessPolicies
{
    public const string Citizen = "catalogue-citizen";
    public const string AgencyOfficer = "catalogue-agency-officer";
    public const string AgencyClient = "catalogue-agency-client";

    /// <summary>Route metadata: the code of the agency that owns the service.</summary>
    public const string AgencyKey = "satupintu.agency";

    /// <summary>Route metadata, present when the service needs a citizen with a verified NIK.</summary>
    public const string VerifiedNikKey = "satupintu.verified-nik";

    /// <summary>Route metadata: the scope an agency client must hold.</summary>
    public const string ScopeKey = "satupintu.scope";

    /// <summary>The scope an agency's back ends hold by default (the identity module issues <c>agency:{code}</c>).</summary>
    public static string AgencyScope(string agencyCode) => "agency:" + agencyCode;

    /// <summary>The policy name for a route, or null for public services (no authorization at all).</summary>
    public static string? For(AccessRuleKind kind) => kind switch
    {
        AccessRuleKind.Public => null,
        AccessRuleKind.Citizen => Citizen,
        AccessRuleKind.AgencyOfficer => AgencyOfficer,
        AccessRuleKind.AgencyClient => AgencyClient,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // One requirement per policy, each its own handler (run by ASP.NET Core's pass-through handler, not
    // registered in DI): every proxied request is authorized, and each registered handler or requirement
    // would cost another scan of the requirements and an iterator on that path.
    public static AuthorizationBuilder AddCatalogueAccessPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Citizen, p => p.AddAuthenticationSchemes(SignOnSchemes.BearerOrAppsSession).AddRequirements(new CitizenOfRoute()))
        .AddPolicy(AgencyOfficer, p => p.AddAuthenticationSchemes(SignOnSchemes.BearerOrAppsSession).AddRequirements(new OfficerOfOwningAgency()))
        .AddPolicy(AgencyClient, p => p.AddAuthenticationSchemes(SignOnSchemes.Bearer).AddRequirements(new HoldsRouteScope()));

    internal static string? RouteMetadata(object? resource, string key) =>
        resource is HttpContext http && http.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata?.TryGetValue(key, out var value) == true
            ? value
            : null;
}

/// <summary>
/// A requirement that is its own handler, for the catalogue's route policies: a plain yes or no from the
/// principal and the route's metadata, checked without the base class's scan of the requirements.
/// </summary>
internal abstract class RouteRequirement : IAuthorizationRequirement, IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        Check(context);
        return Task.CompletedTask;
    }

    protected abstract void Check(AuthorizationHandlerContext context);

    /// <summary>
    /// A token issued to one agency's app opens that agency's routes only (the city's own apps, all). The
    /// apps origin's cookie is the gateway's own and carries no audience: it passes.
    /// </summary>
    protected static bool TokenMeantForRouteAgency(AuthorizationHandlerContext context, out string agency)
    {
        agency = AccessPolicies.RouteMetadata(context.Resource, AccessPolicies.AgencyKey)!;
        return agency is not null && TokenAudiences.Allow(context.User, agency);
    }
}

/// <summary>A citizen (role) whose token is meant for the route's agency, with a verified NIK where the route's service asks for one.</summary>
internal sealed class CitizenOfRoute : RouteRequirement
{
    protected override void Check(AuthorizationHandlerContext context)
    {
        if (!context.User.IsInRole(Roles.Citizen) || !TokenMeantForRouteAgency(context, out _))
        {
            return;
        }

        if (AccessPolicies.RouteMetadata(context.Resource, AccessPolicies.VerifiedNikKey) is null || NikAssurance.IsVerified(context.User))
        {
            context.Succeed(this);
        }
        else
        {
            context.Fail(new NikNotVerified(this));
        }
    }
}

/// <summary>An officer (role) whose <c>agency</c> claim is the agency that owns the route, with a token meant for that agency.</summary>
internal sealed class OfficerOfOwningAgency : RouteRequirement
{
    protected override void Check(AuthorizationHandlerContext context)
    {
        if (context.User.IsInRole(Roles.Officer) && TokenMeantForRouteAgency(context, out var agency)
            && context.User.HasClaim(GatewayClaims.Agency, agency))
        {
            context.Succeed(this);
        }
    }
}

/// <summary>A client (or a person's app) holding the scope the route requires.</summary>
internal sealed class HoldsRouteScope : RouteRequirement
{
    protected override void Check(AuthorizationHandlerContext context)
    {
        var scope = AccessPolicies.RouteMetadata(context.Resource, AccessPolicies.ScopeKey);
        if (scope is not null && context.User.Identity?.IsAuthenticated == true && ScopeClaims.Has(context.User, scope))
        {
            context.Succeed(this);
        }
    }
}

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

    public static AuthorizationBuilder AddCatalogueAccessPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Citizen, p => p.AddAuthenticationSchemes(SignOnSchemes.BearerOrAppsSession).RequireRole(Roles.Citizen)
            .AddRequirements(new TokenMeantForRouteAgency(), new CitizenAssuranceOfRoute()))
        .AddPolicy(AgencyOfficer, p => p.AddAuthenticationSchemes(SignOnSchemes.BearerOrAppsSession)
            .AddRequirements(new TokenMeantForRouteAgency(), new OfficerOfOwningAgency()))
        .AddPolicy(AgencyClient, p => p.AddAuthenticationSchemes(SignOnSchemes.Bearer).AddRequirements(new HoldsRouteScope()));

    internal static string? RouteMetadata(object? resource, string key) =>
        resource is HttpContext http && http.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata?.TryGetValue(key, out var value) == true
            ? value
            : null;
}

/// <summary>
/// A token issued to one agency's app opens that agency's routes only (the city's own apps, all). The
/// apps origin's cookie is the gateway's own and carries no audience: it passes.
/// </summary>
internal sealed class TokenMeantForRouteAgency : AuthorizationHandler<TokenMeantForRouteAgency>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TokenMeantForRouteAgency requirement)
    {
        if (AccessPolicies.RouteMetadata(context.Resource, AccessPolicies.AgencyKey) is { } agency && TokenAudiences.Allow(context.User, agency))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The citizen's NIK is verified where the route's service asks for it.</summary>
internal sealed class CitizenAssuranceOfRoute : AuthorizationHandler<CitizenAssuranceOfRoute>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CitizenAssuranceOfRoute requirement)
    {
        if (AccessPolicies.RouteMetadata(context.Resource, AccessPolicies.VerifiedNikKey) is null || NikAssurance.IsVerified(context.User))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new NikNotVerified(this));
        }

        return Task.CompletedTask;
    }
}

/// <summary>An officer (role) whose <c>agency</c> claim is the agency that owns the route.</summary>
internal sealed class OfficerOfOwningAgency : AuthorizationHandler<OfficerOfOwningAgency>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OfficerOfOwningAgency requirement)
    {
        var agency = AccessPolicies.RouteMetadata(context.Resource, AccessPolicies.AgencyKey);
        if (agency is not null && context.User.IsInRole(Roles.Officer)
            && context.User.FindAll(GatewayClaims.Agency).Any(c => c.Value == agency))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>A client (or a person's app) holding the scope the route requires.</summary>
internal sealed class HoldsRouteScope : AuthorizationHandler<HoldsRouteScope>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, HoldsRouteScope requirement)
    {
        var scope = AccessPolicies.RouteMetadata(context.Resource, AccessPolicies.ScopeKey);
        if (scope is not null && context.User.Identity?.IsAuthenticated == true && ScopeClaims.Has(context.User, scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

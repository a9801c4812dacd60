using Gateway.Catalogue.Model;
using Microsoft.AspNetCore.Authorization;

namespace Gateway.Catalogue.Proxy;

/// <summary>
/// Authorization policies behind each access rule. Until single sign-on lands nobody can hold these
/// roles, so every non-public service answers 401: stored rules fail closed rather than open.
/// </summary>
internal static class AccessPolicies
{
    public const string Citizen = "catalogue-citizen";
    public const string AgencyOfficer = "catalogue-agency-officer";
    public const string AgencyClient = "catalogue-agency-client";

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
        .AddPolicy(Citizen, p => p.RequireAuthenticatedUser().RequireRole("citizen"))
        .AddPolicy(AgencyOfficer, p => p.RequireAuthenticatedUser().RequireRole("officer"))
        .AddPolicy(AgencyClient, p => p.RequireAuthenticatedUser().RequireClaim("scope"));
}

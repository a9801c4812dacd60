using System.Security.Claims;
using Gateway.Platform.Localization;
using Gateway.Platform.Security;

namespace Gateway.Proxy.Access;

// The three protected access rules. A token issued to one agency's app opens that agency's routes only
// (the city's own apps, all); the apps origin's cookie is the gateway's own, carries no audience, and passes.

/// <summary>A citizen (role) whose token is meant for the route's agency, with a verified NIK where the route's service asks for one.</summary>
internal sealed class CitizenOfRoute(string agency, bool needsVerifiedNik) : RouteRule
{
    public override bool PeopleAllowed => true;

    public override BilingualText? Refusal(ClaimsPrincipal caller) =>
        !caller.IsInRole(Roles.Citizen) || !TokenAudiences.Allow(caller, agency) ? AccessRefusals.NotYours
        : needsVerifiedNik && !NikAssurance.IsVerified(caller) ? NikAssurance.NotVerified
        : null;
}

/// <summary>An officer (role) whose <c>agency</c> claim is the agency that owns the route, with a token meant for that agency.</summary>
internal sealed class OfficerOfOwningAgency(string agency) : RouteRule
{
    public override bool PeopleAllowed => true;

    public override BilingualText? Refusal(ClaimsPrincipal caller) =>
        caller.IsInRole(Roles.Officer) && TokenAudiences.Allow(caller, agency) && caller.HasClaim(GatewayClaims.Agency, agency)
            ? null
            : AccessRefusals.NotYours;
}

/// <summary>A client (or a person's app) holding the scope the route requires: apps only, no browser session.</summary>
internal sealed class HoldsRouteScope(string scope) : RouteRule
{
    public override bool PeopleAllowed => false;

    public override BilingualText? Refusal(ClaimsPrincipal caller) =>
        caller.Identity?.IsAuthenticated == true && ScopeClaims.Has(caller, scope) ? null : AccessRefusals.NotYours;
}

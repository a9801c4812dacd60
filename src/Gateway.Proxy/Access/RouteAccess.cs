using System.Runtime.CompilerServices;
using Gateway.Platform.Catalogue;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy.Access;

/// <summary>
/// The first step of the proxy pipeline after error handling: holds each request to its route's access
/// rule (catalogue: the exposure's <c>access</c>). The caller is found by the identity module (a cached
/// token or the apps origin's cookie) and the rule is a plain check of the caller's claims against the
/// route; a refusal is answered as everywhere else (<see cref="AccessRefusals"/>). The gateway's own
/// endpoints use ASP.NET Core's authorization middleware; the proxy does not, because its scheme and
/// policy machinery cost more per request than the check itself, and every proxied request pays it.
/// </summary>
internal sealed class RouteAccess(IProxyCallerAuthenticator callers, AccessRefusals refusals)
{
    // One rule per route configuration object, read from its metadata when the route is first seen.
    private readonly ConditionalWeakTable<RouteConfig, RouteRule?> _byRoute = [];

    public Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var rule = _byRoute.GetValue(context.GetRouteModel().Config, RouteRule.Of);
        if (rule is null)
        {
            return next();
        }

        // A known token is found without waiting: then no state machine is built for the request.
        var caller = callers.AuthenticateAsync(context, rule.PeopleAllowed);
        return caller.IsCompletedSuccessfully ? Decide(context, rule, caller.Result, next) : DecideLaterAsync(context, rule, caller, next);
    }

    private async Task DecideLaterAsync(HttpContext context, RouteRule rule, ValueTask<AuthenticateResult> caller, Func<Task> next) =>
        await Decide(context, rule, await caller, next);

    private Task Decide(HttpContext context, RouteRule rule, AuthenticateResult caller, Func<Task> next)
    {
        if (!caller.Succeeded)
        {
            return refusals.ChallengeAsync(context);
        }

        context.User = caller.Principal;
        return rule.Refusal(caller.Principal) is { } why ? AccessRefusals.ForbidAsync(context, why) : next();
    }
}

/// <summary>
/// What a protected route asks of its caller, from the route's metadata (written by
/// the proxy's route builder). Null for a public route: nobody is authenticated there.
/// </summary>
internal abstract class RouteRule
{
    /// <summary>Route metadata: the access rule's kind (<see cref="AccessRuleKind"/>).</summary>
    public const string KindKey = "satupintu.access";

    /// <summary>Route metadata: the code of the agency that owns the service.</summary>
    public const string AgencyKey = "satupintu.agency";

    /// <summary>Route metadata, present when the service needs a citizen with a verified NIK.</summary>
    public const string VerifiedNikKey = "satupintu.verified-nik";

    /// <summary>Route metadata: the scope an agency client must hold.</summary>
    public const string ScopeKey = "satupintu.scope";

    /// <summary>The scope an agency's back ends hold by default (the identity module issues <c>agency:{code}</c>).</summary>
    public static string AgencyScope(string agencyCode) => "agency:" + agencyCode;

    /// <summary>Whether the route authenticates anybody (anything but a public service).</summary>
    public static bool IsProtected(RouteConfig route) => KindOf(route) != AccessRuleKind.Public;

    public static RouteRule? Of(RouteConfig route) => KindOf(route) switch
    {
        AccessRuleKind.Public => null,
        AccessRuleKind.Citizen => new CitizenOfRoute(Agency(route), route.Metadata!.ContainsKey(VerifiedNikKey)),
        AccessRuleKind.AgencyOfficer => new OfficerOfOwningAgency(Agency(route)),
        AccessRuleKind.AgencyClient => new HoldsRouteScope(route.Metadata![ScopeKey]),
        var kind => throw new InvalidOperationException($"Route {route.RouteId} has an unknown access rule {kind}."),
    };

    /// <summary>Whether a person's browser (the apps origin's cookie) may call, or only an app with a token.</summary>
    public abstract bool PeopleAllowed { get; }

    /// <summary>Null when the caller may pass; otherwise what they are told.</summary>
    public abstract Platform.Localization.BilingualText? Refusal(System.Security.Claims.ClaimsPrincipal caller);

    // Fails closed: a route without the key was not built by the catalogue and opens to nobody.
    private static AccessRuleKind KindOf(RouteConfig route) =>
        route.Metadata?.TryGetValue(KindKey, out var kind) == true && Enum.TryParse<AccessRuleKind>(kind, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"Route {route.RouteId} has no access rule.");

    private static string Agency(RouteConfig route) => route.Metadata![AgencyKey];
}

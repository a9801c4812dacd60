using Gateway.Catalogue.Model;
using Gateway.Catalogue.Persistence;
using Gateway.Platform.Catalogue;
using Gateway.Platform.Edge.Outbound;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Catalogue.Editing;

/// <summary>
/// Turns validated exposure input into the stored exposure: fills defaults, refuses overlapping path
/// prefixes and destinations the outbound policy forbids, encrypts the upstream secret (or keeps the
/// stored one when none is sent — unless the destinations moved to another host: a stored secret never
/// follows a destination somewhere new without the administrator giving it again).
/// </summary>
internal sealed class ExposureBuilder(CatalogueDbContext db, UpstreamSecrets secrets, OutboundGuard outbound, IOptions<CatalogueOptions> options)
{
    /// <param name="field">Prefix of the field names in errors, e.g. <c>exposure.</c> inside a service body.</param>
    public async Task<EditFailure?> ApplyAsync(Service service, Agency agency, ExposureInput input, string field, CancellationToken cancellationToken)
    {
        // One service: only the prefixes that could overlap its own are read (its ancestors and those under it),
        // not every exposure of a catalogue of tens of thousands.
        var prefix = PrefixOf(service, agency, input);
        var ancestors = PrefixIndex.SelfAndAncestors(prefix);
        var below = prefix + "/";
        return await ApplyAsync(service, agency, input, field,
            await ChecksAsync(service.Id, e => ancestors.Contains(e.PathPrefix) || e.PathPrefix.StartsWith(below), cancellationToken), cancellationToken);
    }

    /// <summary>What exposures are checked against: the prefixes taken by other services, and the outbound policy's verdicts so far.</summary>
    public Task<ExposureChecks> ChecksAsync(Guid? exceptService, CancellationToken cancellationToken) =>
        ChecksAsync(exceptService, _ => true, cancellationToken);

    private async Task<ExposureChecks> ChecksAsync(Guid? exceptService, System.Linq.Expressions.Expression<Func<Exposure, bool>> relevant, CancellationToken cancellationToken)
    {
        var taken = await db.Exposures
            .Where(e => e.ServiceId != exceptService)
            .Where(relevant)
            .Join(db.Services, e => e.ServiceId, s => s.Id, (e, s) => new { e.PathPrefix, s.Slug })
            .ToListAsync(cancellationToken);
        var checks = new ExposureChecks();
        foreach (var t in taken)
        {
            checks.Prefixes.Add(t.PathPrefix, t.Slug);
        }

        return checks;
    }

    /// <summary>As above, with checks shared by several services (a bulk import); the prefix is added to them when accepted.</summary>
    public async Task<EditFailure?> ApplyAsync(Service service, Agency agency, ExposureInput input, string field, ExposureChecks checks, CancellationToken cancellationToken)
    {
        var prefix = PrefixOf(service, agency, input);
        if (CatalogueRules.IsReserved(prefix))
        {
            return EditFailure.Field(ProblemKind.Validation, field + "pathPrefix",
                Messages.PathPrefixReserved.With(string.Join(", ", CatalogueRules.ReservedPrefixes)));
        }

        if (checks.Prefixes.Overlap(prefix) is { } clash)
        {
            return EditFailure.Field(ProblemKind.Conflict, field + "pathPrefix", Messages.PrefixOverlaps.With(prefix, clash.Prefix, clash.Slug));
        }

        var destinations = input.Destinations!.Select(d => d.Trim()).ToList();
        for (var i = 0; i < destinations.Count; i++)
        {
            if (await checks.OutboundAsync(outbound, new Uri(destinations[i]), cancellationToken) is { } refused)
            {
                return EditFailure.Field(ProblemKind.Validation, $"{field}destinations[{i}]", refused);
            }
        }

        var stored = service.Exposure?.UpstreamAuth;
        var movedHost = service.Exposure is { } current && !Hosts(current.Destinations).SetEquals(Hosts(destinations));
        var auth = BuildUpstreamAuth(input.UpstreamAuth, movedHost ? null : stored);
        if (auth is null)
        {
            return EditFailure.Field(ProblemKind.Validation, field + "upstreamAuth.secret",
                movedHost && stored?.ProtectedSecret is not null ? Messages.SecretRequiredForNewHost : Messages.SecretRequired);
        }

        var exposure = service.Exposure ?? new Exposure
        {
            ServiceId = service.Id,
            PathPrefix = prefix,
            Methods = [],
            Destinations = [],
            Access = AccessRule.Public,
            UpstreamAuth = UpstreamAuth.None,
        };
        exposure.PathPrefix = prefix;
        exposure.Methods = [.. (input.Methods ?? CatalogueRules.DefaultMethods).Select(m => m.ToUpperInvariant()).Distinct()];
        exposure.Destinations = destinations;
        exposure.HealthCheckPath = input.HealthCheckPath;
        exposure.TimeoutSeconds = input.TimeoutSeconds ?? options.Value.DefaultTimeoutSeconds;
        exposure.Access = new AccessRule(input.Access!.Kind!.Value, input.Access.Scope);
        exposure.UpstreamAuth = auth;
        exposure.ForwardClientCookies = input.ForwardClientCookies ?? false;
        exposure.ForwardClientAuthorization = input.ForwardClientAuthorization ?? false;
        exposure.QuotaPerAddressPerMinute = input.Quota?.PerAddressPerMinute;
        exposure.QuotaPerClientPerMinute = input.Quota?.PerClientPerMinute;
        exposure.MaxConcurrentRequests = input.MaxConcurrentRequests;
        service.Exposure = exposure;
        checks.Prefixes.Add(prefix, service.Slug);
        return null;
    }

    private static string PrefixOf(Service service, Agency agency, ExposureInput input) => input.PathPrefix ?? $"/{agency.Code}/{service.Slug}";

    private static HashSet<string> Hosts(IEnumerable<string> destinations) =>
        [.. destinations.Select(d => new Uri(d).Authority.ToLowerInvariant())];

    /// <summary>The auth to store, or null when a secret is needed and neither sent nor kept.</summary>
    private UpstreamAuth? BuildUpstreamAuth(UpstreamAuthInput? input, UpstreamAuth? stored)
    {
        var kind = input?.Kind ?? UpstreamAuthKind.None;
        if (kind == UpstreamAuthKind.None)
        {
            return UpstreamAuth.None;
        }

        var protectedSecret = input!.Secret is { Length: > 0 } secret
            ? secrets.Protect(secret)
            : stored?.Kind == kind ? stored.ProtectedSecret : null;
        if (protectedSecret is null)
        {
            return null;
        }

        return new UpstreamAuth
        {
            Kind = kind,
            HeaderName = kind == UpstreamAuthKind.ApiKey ? input.HeaderName ?? UpstreamSecrets.DefaultApiKeyHeader : null,
            Username = kind == UpstreamAuthKind.Basic ? input.Username : null,
            ProtectedSecret = protectedSecret,
        };
    }
}

/// <summary>See <see cref="ExposureBuilder.ChecksAsync"/>.</summary>
internal sealed class ExposureChecks
{
    private readonly Dictionary<string, Gateway.Platform.Localization.BilingualText?> _outbound = new(StringComparer.OrdinalIgnoreCase);

    public PrefixIndex Prefixes { get; } = new();

    /// <summary>The outbound policy's verdict on a destination, asked once per host and port (it may resolve the name).</summary>
    public async ValueTask<Gateway.Platform.Localization.BilingualText?> OutboundAsync(OutboundGuard guard, Uri destination, CancellationToken cancellationToken)
    {
        var key = destination.Scheme + "://" + destination.Authority;
        if (!_outbound.TryGetValue(key, out var verdict))
        {
            _outbound[key] = verdict = await guard.CheckAsync(destination, cancellationToken);
        }

        return verdict;
    }
}

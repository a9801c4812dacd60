using Gateway.Catalogue.Editing;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Persistence;
using Gateway.Demo.LegacyApps;
using Gateway.Demo.SampleApps;
using Gateway.Platform.Catalogue;
using Gateway.Platform.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Demo.Seed;

/// <summary>
/// Seeds the demo city through the catalogue's own editors (so demo data passes the same validation as
/// an administrator's). Idempotent: creates what is missing and re-points demo services at this run's
/// sample apps and credentials. Runs after the catalogue loaded and the sample apps started.
/// </summary>
internal sealed partial class DemoSeeder(
    IServiceScopeFactory scopes,
    SampleAgencyApps apps,
    DemoEndpoints endpoints,
    ILogger<DemoSeeder> logger) : IHostedService
{
    /// <summary>A loopback port where nothing listens (the discard service), for the demo's "down" service.</summary>
    private const string Nowhere = "http://127.0.0.1:9/";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var agencies = scope.ServiceProvider.GetRequiredService<AgencyEditor>();
        var services = scope.ServiceProvider.GetRequiredService<ServiceEditor>();
        int createdAgencies = 0, createdServices = 0;
        var withForms = DemoServices.All.Where(s => s.Input.RequestForm is not null).Select(s => s.Input.Slug!).ToList();
        var needingVerifiedNik = DemoServices.All.Where(s => s.Input.CitizenAssurance == CitizenAssurance.VerifiedNik).Select(s => s.Input.Slug!).ToList();
        var storedWithoutForm = (await scope.ServiceProvider.GetRequiredService<CatalogueDbContext>().Services.AsNoTracking()
            .Where(s => (s.RequestForm == null && withForms.Contains(s.Slug))
                        || (s.CitizenAssurance != CitizenAssurance.VerifiedNik && needingVerifiedNik.Contains(s.Slug)))
            .Select(s => s.Slug).ToListAsync(cancellationToken)).ToHashSet();

        foreach (var agency in DemoAgencies.All)
        {
            var result = await agencies.CreateAsync(agency, cancellationToken);
            createdAgencies += Ensure(result.Failure, agency.Code!) ? 1 : 0;
        }

        foreach (var (input, route) in DemoServices.All)
        {
            var exposure = route is null ? null : ExposureFor(input, route);
            var created = await services.CreateAsync(input with { Exposure = exposure }, cancellationToken);
            if (Ensure(created.Failure, input.Slug!))
            {
                createdServices++;
            }
            else if (storedWithoutForm.Contains(input.Slug!))
            {
                // A city seeded before forms (or assurance levels) existed gets them, and its exposure, on the next start.
                var updated = await services.UpdateAsync(input.Slug!, input with { Exposure = exposure }, expectedVersion: null, cancellationToken);
                Ensure(updated.Failure, input.Slug!);
            }
            else if (exposure is not null)
            {
                var updated = await services.PutExposureAsync(input.Slug!, exposure, expectedVersion: null, cancellationToken);
                Ensure(updated.Failure, input.Slug!);
            }
        }

        LogSeeded(logger, createdAgencies, createdServices, DemoServices.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True when created; false when it already existed; throws on anything else (a demo bug).</summary>
    private static bool Ensure(EditFailure? failure, string what) => failure switch
    {
        null => true,
        { Kind.Code: "conflict" } => false,
        _ => throw new InvalidOperationException($"Demo seed refused for '{what}': {failure}"),
    };

    private ExposureInput ExposureFor(ServiceInput service, DemoRoute route)
    {
        var scope = route.Access == AccessRuleKind.AgencyClient ? $"agency:{service.AgencyCode}" : null;
        if (endpoints.AdapterFor(service.Slug!) is var (adapter, adapterKey))
        {
            // The department's adapter service is the service's app: requests are filed there, its reads proxied to it.
            return new ExposureInput(null, route.Methods, [adapter.ToString()], "/health", null,
                new AccessRuleInput(route.Access, scope), new UpstreamAuthInput(UpstreamAuthKind.Adapter, null, null, adapterKey), null, null);
        }

        var app = apps.Running[service.AgencyCode!];
        var destination = route.PointsNowhere ? Nowhere : new Uri(app.BaseAddress, $"layanan/{service.Slug}").ToString();
        UpstreamAuthInput? auth = app switch
        {
            { ApiKey: { } key } => new(UpstreamAuthKind.ApiKey, "X-Api-Key", null, key),
            { BasicPassword: { } password } => new(UpstreamAuthKind.Basic, null, app.BasicUser, password),
            _ => null,
        };
        var timeout = app.Spec.Quirks.HasFlag(Quirks.Slow) ? 10 : (int?)null;
        return new ExposureInput(null, route.Methods, [destination], "/health", timeout,
            new AccessRuleInput(route.Access, scope), auth, null, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo city ready: {Agencies} agencies and {Created} services created, {Total} demo services in all")]
    private static partial void LogSeeded(ILogger logger, int agencies, int created, int total);
}

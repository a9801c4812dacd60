using Gateway.Catalogue.Editing;
using Gateway.Catalogue.Snapshot;
using Gateway.Platform.Catalogue;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Catalogue.Admin;

/// <summary><c>/api/admin/services</c>: register services, their standard and how the gateway exposes them.</summary>
internal static class ServiceAdminApi
{
    public static void MapServiceAdminApi(this RouteGroupBuilder admin)
    {
        var services = admin.MapGroup("/services").WithTags("Admin: services");

        services.MapGet("/", List)
            .WithSummary("List services, optionally of one agency");
        services.MapGet("/{slug}", Get)
            .WithSummary("One service with its exposure and live health")
            .ProducesProblem(StatusCodes.Status404NotFound);
        services.MapPost("/", Create)
            .WithSummary("Register a service (and expose it, when 'exposure' is given); its route answers when this returns")
            .Produces<AdminServiceView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        services.MapPut("/{slug}", Update)
            .WithSummary("Replace a service's details; 'exposure', when given, replaces its exposure too")
            .Produces<AdminServiceView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        services.MapDelete("/{slug}", Delete)
            .WithSummary("Remove a service and its route")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var exposure = services.MapGroup("/{slug}/exposure").WithTags("Admin: exposures");
        exposure.MapGet("/", GetExposure)
            .WithSummary("How the service is exposed (the upstream secret is never returned)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        exposure.MapPut("/", PutExposure)
            .WithSummary("Expose the service or change how; live when this returns")
            .Produces<ExposureView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        exposure.MapDelete("/", DeleteExposure)
            .WithSummary("Take the service off the gateway (its catalogue entry stays)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapGet("/health", Health).WithTags("Admin: health")
            .WithSummary("Live status of every exposed service, worst first");
    }

    private static Ok<List<AdminServiceView>> List(string? agency, CatalogueState state, IServiceHealthBoard health) =>
        TypedResults.Ok(state.Current.Services
            .Where(s => agency is null || s.Agency!.Code == agency)
            .Select(s => s.ToView(health))
            .ToList());

    private static Results<Ok<AdminServiceView>, ProblemHttpResult> Get(string slug, CatalogueState state, IServiceHealthBoard health, HttpContext http)
    {
        if (!state.Current.BySlug.TryGetValue(slug, out var service))
        {
            return TypedResults.Problem(Problems.Create(ProblemKind.NotFound, Messages.UnknownService.With(slug)));
        }

        http.Response.Headers.ETag = AdminResults.ETagOf(service.Version);
        return TypedResults.Ok(service.ToView(health));
    }

    private static async Task<IResult> Create(ServiceInput input, ServiceEditor editor, IServiceHealthBoard health, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await editor.CreateAsync(input, cancellationToken);
        return result.ToResult(s => TypedResults.Created($"/api/admin/services/{s.Slug}", s.ToView(health)).WithETag(http, s.Version));
    }

    private static async Task<IResult> Update(string slug, ServiceInput input, ServiceEditor editor, IServiceHealthBoard health, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await editor.UpdateAsync(slug, input, AdminResults.ExpectedVersion(http.Request), cancellationToken);
        return result.ToResult(s => TypedResults.Ok(s.ToView(health)).WithETag(http, s.Version));
    }

    private static async Task<IResult> Delete(string slug, ServiceEditor editor, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await editor.DeleteAsync(slug, AdminResults.ExpectedVersion(http.Request), cancellationToken);
        return result.ToResult(_ => TypedResults.NoContent());
    }

    private static Results<Ok<ExposureView>, ProblemHttpResult> GetExposure(string slug, CatalogueState state)
    {
        if (!state.Current.BySlug.TryGetValue(slug, out var service))
        {
            return TypedResults.Problem(Problems.Create(ProblemKind.NotFound, Messages.UnknownService.With(slug)));
        }

        return service.Exposure is { } exposure
            ? TypedResults.Ok(exposure.ToView())
            : TypedResults.Problem(Problems.Create(ProblemKind.NotFound, Messages.NotExposed.With(slug)));
    }

    private static async Task<IResult> PutExposure(string slug, ExposureInput input, ServiceEditor editor, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await editor.PutExposureAsync(slug, input, AdminResults.ExpectedVersion(http.Request), cancellationToken);
        return result.ToResult(s => TypedResults.Ok(s.Exposure!.ToView()).WithETag(http, s.Version));
    }

    private static async Task<IResult> DeleteExposure(string slug, ServiceEditor editor, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await editor.DeleteExposureAsync(slug, AdminResults.ExpectedVersion(http.Request), cancellationToken);
        return result.ToResult(_ => TypedResults.NoContent());
    }

    private static Ok<List<HealthView>> Health(IServiceHealthBoard health) =>
        TypedResults.Ok(health.All()
            .OrderByDescending(h => h.State == HealthState.Down)
            .ThenByDescending(h => h.State == HealthState.Degraded)
            .ThenBy(h => h.Slug, StringComparer.Ordinal)
            .Select(h => h.ToView())
            .ToList());
}

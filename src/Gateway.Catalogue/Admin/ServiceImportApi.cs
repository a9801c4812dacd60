using Gateway.Catalogue.Editing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Catalogue.Admin;

/// <summary><c>/api/admin/services/import</c>: many services in one request, all or nothing.</summary>
internal static class ServiceImportApi
{
    public static void MapServiceImportApi(this RouteGroupBuilder admin)
    {
        admin.MapPost("/services/import", Import).WithTags("Admin: services")
            .WithSummary($"Register up to {ServiceImporter.MaxServices} services at once; all are live when this returns, or none is written")
            .WithDescription("Each row is a service as for POST /api/admin/services. The batch is checked as a whole (against the " +
                "catalogue and against its own rows); a refusal is a validation problem whose 'errors' name every field at fault by " +
                "row, e.g. 'services[3].exposure.pathPrefix'.")
            .Produces<ImportView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Import(ServiceImportInput input, ServiceImporter importer, CancellationToken cancellationToken)
    {
        var result = await importer.ImportAsync(input.Services, cancellationToken);
        return result.ToResult(services => TypedResults.Ok(new ImportView(services.Count, [.. services.Select(s => s.Slug)])));
    }
}

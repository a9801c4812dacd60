using Gateway.Catalogue.Editing;
using Gateway.Catalogue.Snapshot;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Catalogue.Admin;

/// <summary><c>/api/admin/agencies</c>: register and maintain the city's agencies.</summary>
internal static class AgencyAdminApi
{
    public static void MapAgencyAdminApi(this RouteGroupBuilder admin)
    {
        var agencies = admin.MapGroup("/agencies").WithTags("Admin: agencies");

        agencies.MapGet("/", List)
            .WithSummary("List agencies");
        agencies.MapGet("/{code}", Get)
            .WithSummary("One agency")
            .ProducesProblem(StatusCodes.Status404NotFound);
        agencies.MapPost("/", Create)
            .WithSummary("Register an agency")
            .Produces<AgencyView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        agencies.MapPut("/{code}", Update)
            .WithSummary("Replace an agency's details (send If-Match to guard against concurrent edits)")
            .Produces<AgencyView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        agencies.MapDelete("/{code}", Delete)
            .WithSummary("Remove an agency that has no services")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Ok<List<AgencyView>> List(CatalogueState state)
    {
        var snapshot = state.Current;
        return TypedResults.Ok(snapshot.Agencies.Select(a => a.ToView(snapshot.ServiceCountByAgency.GetValueOrDefault(a.Id))).ToList());
    }

    private static Results<Ok<AgencyView>, ProblemHttpResult> Get(string code, CatalogueState state, HttpContext http)
    {
        var snapshot = state.Current;
        if (!snapshot.AgenciesByCode.TryGetValue(code, out var agency))
        {
            return TypedResults.Problem(Problems.Create(ProblemKind.NotFound, Messages.UnknownAgency.With(code)));
        }

        http.Response.Headers.ETag = AdminResults.ETagOf(agency.Version);
        return TypedResults.Ok(agency.ToView(snapshot.ServiceCountByAgency.GetValueOrDefault(agency.Id)));
    }

    private static async Task<IResult> Create(AgencyInput input, AgencyEditor editor, CatalogueState state, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await editor.CreateAsync(input, cancellationToken);
        return result.ToResult(a => TypedResults.Created($"/api/admin/agencies/{a.Code}", a.ToView(0)).WithETag(http, a.Version));
    }

    private static async Task<IResult> Update(string code, AgencyInput input, AgencyEditor editor, CatalogueState state, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await editor.UpdateAsync(code, input, AdminResults.ExpectedVersion(http.Request), cancellationToken);
        return result.ToResult(a => TypedResults.Ok(a.ToView(state.Current.ServiceCountByAgency.GetValueOrDefault(a.Id))).WithETag(http, a.Version));
    }

    private static async Task<IResult> Delete(string code, AgencyEditor editor, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await editor.DeleteAsync(code, AdminResults.ExpectedVersion(http.Request), cancellationToken);
        return result.ToResult(_ => TypedResults.NoContent());
    }
}

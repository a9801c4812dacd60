using Gateway.Identity.Persistence;
using Gateway.Platform.Agencies;
using Gateway.Platform.Audit;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;

namespace Gateway.Identity.Clients;

/// <summary><c>/api/admin/clients</c>: the apps that may sign people in through SatuPintu or call it with their own credentials.</summary>
internal static class ClientAdminApi
{
    private static readonly BilingualText UnknownClient = new("Klien '{0}' tidak terdaftar.", "Client '{0}' is not registered.");
    private static readonly BilingualText GatewaysOwnClient = new(
        "Klien '{0}' milik gateway sendiri (Portal Warga masuk dengannya) dan tidak dapat dihapus.",
        "The client '{0}' belongs to the gateway itself (Portal Warga signs in with it) and cannot be removed.");
    private static readonly BilingualText DuplicateClient = new("Klien '{0}' sudah terdaftar.", "Client '{0}' is already registered.");

    public static void MapClientAdminApi(this RouteGroupBuilder admin)
    {
        var clients = admin.MapGroup("/clients").WithTags("Admin: sign-on clients");
        clients.MapGet("/", List).WithSummary("List registered client apps").Produces<List<ClientView>>();
        clients.MapGet("/{clientId}", Get).WithSummary("One client app").Produces<ClientView>().ProducesProblem(StatusCodes.Status404NotFound);
        clients.MapPost("/", Create)
            .WithSummary("Register a client app: exact redirect URIs, scopes, grants. A confidential client's secret is returned only here.")
            .Produces<CreatedClientView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        clients.MapDelete("/{clientId}", Delete)
            .WithSummary("Remove a client app (its tokens stop working)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> List(IOpenIddictApplicationManager applications, ClientRegistrar registrar, CancellationToken cancellationToken)
    {
        var views = new List<ClientView>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            views.Add(await registrar.ToViewAsync(application, cancellationToken));
        }

        return TypedResults.Ok(views.OrderBy(v => v.ClientId, StringComparer.Ordinal).ToList());
    }

    private static async Task<IResult> Get(string clientId, IOpenIddictApplicationManager applications, ClientRegistrar registrar, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application
            ? TypedResults.Ok(await registrar.ToViewAsync(application, cancellationToken))
            : Problems.NotFound(UnknownClient.With(clientId));

    private static async Task<IResult> Create(
        ClientInput input, IAgencyDirectory agencies, IOpenIddictApplicationManager applications, ClientRegistrar registrar, AuditedChanges audited,
        CancellationToken cancellationToken)
    {
        var validation = new ClientInputValidator(agencies).Validate(input);
        if (!validation.IsValid)
        {
            return Problems.Result(ProblemKind.Validation, errors: validation.ToErrors());
        }

        if (await applications.FindByClientIdAsync(input.ClientId!, cancellationToken) is not null)
        {
            return Problems.Result(ProblemKind.Conflict, DuplicateClient.With(input.ClientId));
        }

        var secret = await audited.RunAsync(
            () => registrar.CreateAsync(input, secret: null, cancellationToken),
            _ => ClientAudit("identity.client.created", input.ClientId!, new { input.Kind, input.AgencyCode, input.Scopes, input.Grants, input.RedirectUris }),
            cancellationToken);
        var application = await applications.FindByClientIdAsync(input.ClientId!, cancellationToken);
        return TypedResults.Created($"/api/admin/clients/{input.ClientId}", new CreatedClientView(await registrar.ToViewAsync(application!, cancellationToken), secret));
    }

    private static async Task<IResult> Delete(string clientId, IOpenIddictApplicationManager applications, AuditedChanges audited, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return Problems.NotFound(UnknownClient.With(clientId));
        }

        if (clientId == Sessions.PortalSignIn.ClientId)
        {
            return Problems.Result(ProblemKind.Conflict, GatewaysOwnClient.With(clientId));
        }

        await audited.RunAsync(
            async () => await applications.DeleteAsync(application, cancellationToken),
            ClientAudit("identity.client.deleted", clientId, new { }),
            cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A client's audit record: what it may do, never its secret.</summary>
    private static AuditEntry ClientAudit(string action, string clientId, object facts) =>
        new(action, "client", clientId, AuditSummary.Facts(facts));
}

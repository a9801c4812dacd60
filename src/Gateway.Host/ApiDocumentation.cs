using Gateway.Platform;
using Gateway.Platform.Edge;
using Gateway.Platform.Hosting;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gateway.Host;

/// <summary>Swagger/OpenAPI for every module's API, at <c>/swagger</c>. The document is also committed as openapi/gateway.json.</summary>
internal static class ApiDocumentation
{
    public const string DocumentName = "v1";
    private const string AdminKeyScheme = "AdminKey";
    private const string BearerScheme = "Bearer";

    public static IHostApplicationBuilder AddApiDocumentation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "SatuPintu Gateway API",
                Version = "v1",
                Description =
                    "The city's service catalogue and its administration. Answers are in Indonesian by default; " +
                    "send `Accept-Language: en` or `?lang=en` for English. Errors are RFC 9457 problem+json. " +
                    "Agency apps themselves are reached through the gateway under each service's path prefix.",
                License = new OpenApiLicense { Name = "Apache-2.0", Url = new Uri("https://www.apache.org/licenses/LICENSE-2.0") },
            });
            o.AddServer(new OpenApiServer
            {
                Url = "/",
                Description = "The gateway: /api/admin and /api/agency on its administration origin, everything else on its portal origin",
            });
            o.AddSecurityDefinition(AdminKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AdminKeyOptions.HeaderName,
                Description = "The bootstrap administrator key, accepted from the gateway's own machine only. See the README.",
            });
            o.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from SatuPintu's OpenID Connect server (/connect/token on the portal origin). " +
                    "In a browser, the portal's or the staff session cookie serves instead.",
            });
            o.OperationFilter<SecurityRequirements>();
            o.DocumentFilter<TagDescriptions>();
            o.SupportNonNullableReferenceTypes();
            o.CustomSchemaIds(SchemaId);
            o.CustomOperationIds(OperationId);
        });
        builder.Services.ConfigureHttpJsonOptions(o => PlatformModule.ConfigureJson(o.SerializerOptions));
        return builder;
    }

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        // Only under /swagger on the administration origin: as plain middleware they would inspect every
        // proxied request. Outside Development only signed-in staff read it.
        var admin = app.Services.GetRequiredService<IOptions<EdgeOptions>>().Value.Hosts.Admin;
        var staffOnly = !app.Environment.IsDevelopmentLike();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/swagger") && EdgeOrigins.IsOn(c.Request, admin), swagger =>
        {
            if (staffOnly)
            {
                swagger.Use(RequireStaffAsync);
            }

            swagger.UseSwagger();
            swagger.UseSwaggerUI(o =>
            {
                o.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "SatuPintu Gateway API v1");
                o.DocumentTitle = "SatuPintu — API";
            });
        });
        return app;
    }

    private static async Task RequireStaffAsync(HttpContext context, Func<Task> next)
    {
        var staff = await context.AuthenticateAsync(SignOnSchemes.StaffSession);
        if (staff.Principal is { } user && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Officer)))
        {
            await next();
            return;
        }

        context.Response.Redirect($"{SignInPaths.Staff}?ReturnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
    }

    /// <summary>A schema's name: the type's, with a generic one's arguments spelt out (<c>ListPageOfComplaintStaffView</c>).</summary>
    private static string SchemaId(Type type) => type.IsGenericType
        ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Join("And", type.GetGenericArguments().Select(SchemaId))
        : type.Name;

    /// <summary>
    /// A stable operation id from the method and the path, for generated clients: <c>GET /api/admin/health/services/{slug}</c>
    /// is <c>getAdminHealthServicesBySlug</c>.
    /// </summary>
    internal static string OperationId(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription api)
    {
        var words = new System.Text.StringBuilder((api.HttpMethod ?? "get").ToLowerInvariant());
        foreach (var segment in (api.RelativePath ?? string.Empty).Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "api"))
        {
            var name = segment.StartsWith('{') ? "By" + segment.Trim('{', '}').Split(':')[0] : segment;
            foreach (var part in name.Split('-', '.', '_').Where(p => p.Length > 0))
            {
                words.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
            }
        }

        return words.ToString();
    }

    /// <summary>
    /// Who may call each operation: the admin API takes the bootstrap key or a token, every other operation that
    /// needs a sign-in a token; the rest say explicitly that they need none.
    /// </summary>
    private sealed class SecurityRequirements : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            var authorize = metadata.OfType<IAuthorizeData>().ToList();
            var signedIn = !metadata.OfType<IAllowAnonymous>().Any() && (authorize.Count > 0 || metadata.OfType<AuthorizationPolicy>().Any());
            var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] };
            operation.Security = !signedIn ? []
                : authorize.Any(a => a.Policy == Policies.Admin)
                    ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AdminKeyScheme, context.Document)] = [] }, bearer]
                    : [bearer];
            if (signedIn)
            {
                operation.Responses ??= [];
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in, or the token is not valid (problem+json)" });
            }
        }
    }

    /// <summary>Describes every tag the document uses (<see cref="ApiTags"/>); an undescribed tag is a mistake the OpenAPI test catches.</summary>
    private sealed class TagDescriptions : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
                .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
                .Select(t => t.Name).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
            {
                Name = name,
                Description = ApiTags.Descriptions.GetValueOrDefault(name),
            }));
        }
    }
}

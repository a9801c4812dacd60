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
                License = new OpenApiLicense { Name = "Apache-2.0" },
            });
            o.AddSecurityDefinition(AdminKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AdminKeyOptions.HeaderName,
                Description = "Interim administrator key (until single sign-on). See the README.",
            });
            o.OperationFilter<AdminKeyRequirement>();
            o.SupportNonNullableReferenceTypes();
            o.CustomSchemaIds(t => t.Name);
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

    /// <summary>Marks the operations that need the admin key, so Swagger UI sends it.</summary>
    private sealed class AdminKeyRequirement : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var needsAdmin = context.ApiDescription.ActionDescriptor.EndpointMetadata
                .OfType<IAuthorizeData>()
                .Any(a => a.Policy == Policies.Admin);
            if (!needsAdmin)
            {
                return;
            }

            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AdminKeyScheme, context.Document)] = [] }];
        }
    }
}

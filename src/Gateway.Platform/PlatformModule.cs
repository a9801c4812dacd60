using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Platform.Calendar;
using Gateway.Platform.Database;
using Gateway.Platform.DataProtection;
using Gateway.Platform.Edge;
using Gateway.Platform.Edge.RateLimits;
using Gateway.Platform.Localization;
using Gateway.Platform.Observability;
using Gateway.Platform.Problems;
using Gateway.Platform.Routing;
using Gateway.Platform.Security;
using Gateway.Platform.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gateway.Platform;

public static class PlatformModule
{
    /// <summary>The markers WebApplication checks before adding the authentication and authorization middleware on its own.</summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <inheritdoc cref="AuthenticationMiddlewareSetKey"/>
    private const string AuthorizationMiddlewareSetKey = "__AuthorizationMiddlewareSet";

    public static IHostApplicationBuilder AddPlatform(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddEdge();
        builder.AddGatewayRateLimits();

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is Postgres.")
            .ValidateOnStart();
        services.AddOptions<AdminKeyOptions>().BindConfiguration(AdminKeyOptions.Section)
            .Validate(o => string.IsNullOrEmpty(o.Key) || o.Key.Length >= AdminKeyOptions.MinimumLength,
                $"Admin:Key must be at least {AdminKeyOptions.MinimumLength} characters (or empty to generate one).")
            .ValidateOnStart();

        services.AddOptions<CityCalendarOptions>().BindConfiguration(CityCalendarOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Calendar:TimeZone is not a known time zone (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura).")
            .ValidateOnStart();
        services.AddSingleton<WorkingCalendar>();

        services.AddHostedService<DatabaseMigrator>();
        services.AddHealthChecks();

        // Every module writes its audit records with its own changes; the audit module seals and serves them.
        services.AddHttpContextAccessor();
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(services, TimeProvider.System);
        services.AddSingleton<Gateway.Platform.Audit.AuditTrail>();

        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        // Minimal APIs only report *which* JSON field was unreadable when they throw; the exception
        // handler turns that into a problem naming the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            ProblemKind.DescribeBareStatus(c.ProblemDetails);
            c.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? c.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<GatewayExceptionHandler>();
        ValidationProblems.ConfigureFluentValidation();

        services.Configure<RequestLocalizationOptions>(o =>
        {
            var defaults = Languages.CreateOptions();
            o.DefaultRequestCulture = defaults.DefaultRequestCulture;
            o.SupportedCultures = defaults.SupportedCultures;
            o.SupportedUICultures = defaults.SupportedUICultures;
            o.RequestCultureProviders = defaults.RequestCultureProviders;
        });

        // Pages that read the same for everyone (the portal's catalogue pages) are kept rendered; each module
        // names its own policy and what invalidates it.
        services.AddOutputCache();

        services.AddSingleton<AdminKeyStore>();
        // No default scheme at all: requests on the proxy path that need no identity are not
        // authenticated, and every policy names the schemes it accepts.
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AdminKeyAuthenticationHandler>(
                AdminKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p
                .AddAuthenticationSchemes(AdminKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Admin))
            .AddPolicy(Policies.Officer, p => p.AddAuthenticationSchemes(SignOnSchemes.BearerOrStaffSession)
                .RequireRole(Roles.Officer).RequireClaim(GatewayClaims.Agency))
            .AddPolicy(Policies.Citizen, p => p.AddAuthenticationSchemes(SignOnSchemes.BearerOrSession).RequireRole(Roles.Citizen));
        services.AddSingleton<AccessRefusals>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, GatewayAuthorizationResults>();

        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["application/json", "application/problem+json", "text/plain"];
        });

        builder.AddSharedDataProtection();
        builder.AddGatewayTelemetry();
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        // A misspelt field is an error naming that field, not a silently ignored value.
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }

    /// <summary>
    /// Middleware every request passes. Routing comes first so that pass-through (proxied) requests can
    /// skip what only the gateway's own endpoints need; the proxy's throughput depends on it.
    /// </summary>
    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseEdge();
        app.UseExceptionHandler();
        app.UseRouting();
        // Everything below is for the gateway's own endpoints. Proxied requests take one branch test and go
        // on to the proxy, which checks access itself (its routes' rules, with the caller found by the
        // identity module): the authentication middleware would run every request handler (the OpenID
        // Connect server's among them), and the authorization middleware's policy machinery cost more
        // than the check.
        app.UseWhen(c => !PassThroughEndpoint.IsPassThrough(c), own =>
        {
            own.Use(SecurityHeaders.InvokeAsync);
            own.Use(CrossOriginGuard.InvokeAsync);
            // Before authentication: a refused attempt costs no password hash and no token validation.
            own.UseRateLimiter();
            own.UseRequestLocalization();
            own.UseStatusCodePages();
            own.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseResponseCompression());
            own.UseAuthentication();
            own.UseAuthorization();
            own.UseOutputCache();
        });
        // WebApplication adds UseAuthentication() and UseAuthorization() in front of everything unless it
        // sees them called on the app itself; a call inside a branch does not count. Without this every
        // proxied request would run the OpenID Connect server's request handler again (it cost a third of
        // the proxy's throughput).
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;
        ((IApplicationBuilder)app).Properties[AuthorizationMiddlewareSetKey] = true;
        return app;
    }

    public static IEndpointRouteBuilder MapPlatformEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).ExcludeFromDescription();
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).ExcludeFromDescription();
        return endpoints;
    }
}

using Gateway.Adapters.Sdk.Contract;
using Gateway.Adapters.Sdk.Protocol;
using Gateway.Adapters.Sdk.Registration;
using Gateway.Contracts.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.OpenApi;

namespace Gateway.Adapters.Sdk.Service;

/// <summary>
/// Turns an adapter into a service of its own: the adapter contract the gateway calls
/// (<see cref="AdapterProtocol"/>), the gateway's tokens verified with its published keys, an OpenAPI
/// document for the agency's read endpoints, and a health endpoint for the gateway's prober. An adapter
/// service's <c>Program.cs</c> is three lines: <c>AddAdapterService</c>, <c>Build</c>, <c>MapAdapterService</c>.
/// </summary>
public static class AdapterServiceHost
{
    /// <summary>Registers the adapters (as in a gateway) and serves the one named in <c>AdapterService:Adapter</c>.</summary>
    public static WebApplicationBuilder AddAdapterService(this WebApplicationBuilder builder, Action<AdapterBuilder> adapters)
    {
        builder.AddAdapters(adapters);
        var settings = builder.Configuration.GetSection(AdapterServiceOptions.Section).Get<AdapterServiceOptions>() ?? new AdapterServiceOptions();
        builder.Services.AddOptions<AdapterServiceOptions>().BindConfiguration(AdapterServiceOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Gateway is { IsAbsoluteUri: true }, $"{AdapterServiceOptions.Section}:Gateway must be the gateway's absolute URL.")
            .Validate(o => o.AllowHttp || o.Gateway?.Scheme == Uri.UriSchemeHttps,
                $"{AdapterServiceOptions.Section}:Gateway must be https (AllowHttp is for a developer machine).")
            .ValidateOnStart();
        builder.Services.AddOptions<AdapterOptions>(settings.Adapter)
            .Validate(o => o.BaseAddress is { IsAbsoluteUri: true },
                $"{AdapterOptions.Section}:{settings.Adapter}:BaseAddress must be the legacy app's absolute URL.")
            .ValidateOnStart();

        builder.Services.AddAuthentication()
            .AddJwtBearer(GatewaySchemes.GatewayCall, o => TrustGateway(o, settings, AdapterProtocol.Audience(settings.AgencyCode), AdapterProtocol.CallTokenType))
            .AddJwtBearer(GatewaySchemes.ForwardedIdentity, o =>
            {
                TrustGateway(o, settings, settings.AgencyCode, GatewayTokens.IdentityTokenType);
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        context.Token = context.Request.Headers[GatewayTokens.IdentityHeader].FirstOrDefault();
                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(GatewaySchemes.GatewayCall, p => p.AddAuthenticationSchemes(GatewaySchemes.GatewayCall).RequireAuthenticatedUser())
            .AddPolicy(GatewaySchemes.ForwardedIdentity, p => p.AddAuthenticationSchemes(GatewaySchemes.ForwardedIdentity).RequireAuthenticatedUser());

        builder.Services.AddMemoryCache();
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(swagger => swagger.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = $"{settings.Adapter} adapter",
            Version = "v1",
            Description = "The agency's read endpoints, in JSON, reached through the SatuPintu gateway with single sign-on.",
        }));
        return builder;
    }

    /// <summary>Maps the adapter contract, the OpenAPI document (<c>/swagger/v1/swagger.json</c>) and <c>/health</c>.</summary>
    public static WebApplication MapAdapterService(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<AdapterServiceOptions>>().Value;
        _ = app.Services.GetRequiredKeyedService<IServiceAdapter>(settings.Adapter); // fail at start, not at the first call
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAdapterContract();
        app.MapHealthChecks("/health");
        app.UseSwagger();
        return app;
    }

    private static void TrustGateway(JwtBearerOptions options, AdapterServiceOptions settings, string audience, string tokenType)
    {
        if (settings.Gateway is { IsAbsoluteUri: true } gateway)
        {
            options.MetadataAddress = new Uri(gateway, ".well-known/openid-configuration").ToString();
        }

        options.RequireHttpsMetadata = !settings.AllowHttp;
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = audience,
            ValidateIssuer = !string.IsNullOrEmpty(settings.GatewayIssuer),
            ValidIssuer = settings.GatewayIssuer,
            ValidTypes = [tokenType],
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = "name",
            RoleClaimType = "role",
        };
    }
}

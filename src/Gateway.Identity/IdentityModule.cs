using Gateway.Identity.Accounts;
using Gateway.Identity.Clients;
using Gateway.Identity.Events;
using Gateway.Identity.Persistence;
using Gateway.Identity.Server;
using Gateway.Identity.Sessions;
using Gateway.Identity.Verification;
using Gateway.Platform.Database;
using Gateway.Platform.Edge;
using Gateway.Platform.Edge.RateLimits;
using Gateway.Platform.Hosting;
using Gateway.Platform.Security;
using Gateway.Web.Frame;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Identity;

/// <summary>Single sign-on: one call to register it, one to map it.</summary>
public static class IdentityModule
{
    public const string DatabaseName = "identity";

    /// <summary>Signed in to the portal's pages (the session cookie).</summary>
    public const string SessionPolicy = "session";

    /// <summary>
    /// Whoever this browser's session says, or nobody; never refuses. For a page that is posted to from pages
    /// that know the person (sign-out, from <c>/akun</c>): an antiforgery token names the user it was made for,
    /// and is refused when the page receiving it does not know that user.
    /// </summary>
    public const string SessionIfAnyPolicy = "session-if-any";

    /// <summary>An officer or administrator signed in on the administration origin (the staff cookie).</summary>
    public const string StaffPolicy = "staff";

    /// <summary>Staff at a service counter (officers and administrators, by token or staff cookie; the admin key for bootstrap).</summary>
    public const string CounterPolicy = "counter";

    public static IHostApplicationBuilder AddGatewayIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(SignOnOptions.Section).Get<SignOnOptions>() ?? new SignOnOptions();
        var edge = builder.Configuration.GetSection(EdgeOptions.Section).Get<EdgeOptions>() ?? new EdgeOptions();
        var developmentLike = builder.Environment.IsDevelopmentLike();
        services.AddOptions<SignOnOptions>().BindConfiguration(SignOnOptions.Section)
            .Validate(o => o.Verification.Sender != VerificationSenderKind.Smtp || !string.IsNullOrWhiteSpace(o.Verification.Smtp.Host),
                "Identity:Verification:Smtp:Host is required when Identity:Verification:Sender is Smtp.")
            .Validate(o => developmentLike || o.Verification.Sender != VerificationSenderKind.File,
                "Identity:Verification:Sender=File writes verification codes to a local file and is for a developer machine only; configure Smtp (Identity:Verification:Smtp:*) or a sender of the city's.")
            .Validate(o => developmentLike || Uri.TryCreate(o.Issuer, UriKind.Absolute, out var issuer) && issuer.Scheme == Uri.UriSchemeHttps,
                "Identity:Issuer must be configured outside Development: the portal's https address (e.g. https://layanan.bandung.go.id/). Tokens name it, and a proxy in front must not decide it.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignOnOptions>, SignOnOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        builder.AddModuleDatabase<IdentityStoreDbContext, SqliteIdentityStoreDbContext, PostgresIdentityStoreDbContext>(DatabaseName);

        // AddIdentityCore, not AddIdentity: the latter makes its cookie the default scheme, and every
        // proxied request would then pay for reading it. Policies name the schemes they accept.
        services.AddIdentityCore<GatewayUser>(identity =>
            {
                identity.User.RequireUniqueEmail = false; // e-mail is optional (phone instead); uniqueness checked when given
                identity.Password.RequiredLength = options.Passwords.MinimumLength;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                identity.Lockout.MaxFailedAccessAttempts = options.Lockout.MaxFailedAttempts;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.Lockout.Minutes);
                identity.Lockout.AllowedForNewUsers = true;
                identity.SignIn.RequireConfirmedAccount = true;
                identity.ClaimsIdentity.UserIdClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject;
                identity.ClaimsIdentity.UserNameClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Name;
                identity.ClaimsIdentity.RoleClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Role;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<IdentityStoreDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<GatewayClaimsFactory>();
        services.AddScoped<IUserConfirmation<GatewayUser>, AccountConfirmation>();
        services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = options.Passwords.HashIterations;
        });
        services.AddOriginCookies(options, edge);
        services.AddPortalSignIn(options, edge);
        // "Sign out everywhere" changes the security stamp; other sessions notice within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddOpenIdConnectServer(options, edge);

        services.AddScoped<TokenClaims>();
        services.AddScoped<Gateway.Identity.Persistence.AuditedChanges>();
        services.AddScoped<Gateway.Identity.DataAccess.DataAccessLog>();
        services.AddOptions<Notices.NoticeOptions>().BindConfiguration("Identity:Notices").ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<Notices.NoticeSender>();
        services.AddSingleton<Gateway.Identity.DataAccess.ForwardedDataLedger>();
        services.AddSingleton<Gateway.Identity.DataAccess.ForwardedDataFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<Gateway.Identity.DataAccess.ForwardedDataFlusher>());
        services.AddScoped<AccountLookup>();
        services.AddScoped(sp => new Notices.NoticeReads(sp.GetRequiredService<IdentityStoreDbContext>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<VerificationCodes>();
        services.AddScoped<Registration>();
        services.AddScoped<NikVerification>();
        services.AddScoped<AccountSessions>();
        services.AddScoped<ClientRegistrar>();
        services.AddSingleton<AccountEvents>();
        if (options.Verification.Sender == VerificationSenderKind.Smtp)
        {
            services.TryAddSingleton<IVerificationSender, SmtpVerificationSender>();
        }
        else
        {
            services.TryAddSingleton<IVerificationSender, FileVerificationSender>();
        }

        services.AddSingleton<IForwardedIdentityIssuer, ForwardedIdentityIssuer>();
        services.AddSingleton<IAdapterCallSigner, AdapterCallSigner>();
        services.AddSingleton<IProxyCallerAuthenticator, ProxyCallers>();
        services.AddHostedService<RoleSeeder>();
        services.AddSingleton<AppsTickets>();
        services.AddSingleton<StaffAccounts>();
        services.AddHostedService(sp => sp.GetRequiredService<StaffAccounts>());
        services.AddSingleton<IdentityHousekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<IdentityHousekeeping>());

        // Administrators sign in on the administration origin (admin role) or call with a token; the admin
        // key stays for bootstrap, from loopback. The portal's session never opens the admin API.
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p
                .AddAuthenticationSchemes(AdminKeyOptions.SchemeName, SignOnSchemes.Bearer, SignOnSchemes.StaffSession)
                .RequireRole(Roles.Admin))
            .AddPolicy(SessionPolicy, p => p.AddAuthenticationSchemes(SignOnSchemes.Session).RequireAuthenticatedUser())
            .AddPolicy(SessionIfAnyPolicy, p => p.AddAuthenticationSchemes(SignOnSchemes.Session).RequireAssertion(_ => true))
            .AddPolicy(StaffPolicy, p => p.AddAuthenticationSchemes(SignOnSchemes.StaffSession).RequireRole(Roles.Admin, Roles.Officer))
            .AddPolicy(CounterPolicy, p => p
                .AddAuthenticationSchemes(AdminKeyOptions.SchemeName, SignOnSchemes.Bearer, SignOnSchemes.StaffSession)
                .RequireRole(Roles.Admin, Roles.Officer));
        services.AddRazorPages(pages =>
            {
                pages.Conventions.AuthorizeFolder("/Akun/Saya", SessionPolicy);
                pages.Conventions.AuthorizePage("/Akun/Keluar", SessionIfAnyPolicy);
                pages.Conventions.AuthorizeFolder("/Staf", StaffPolicy).AllowAnonymousToPage("/Staf/Masuk");
                // Each folder of pages lives on one origin.
                pages.Conventions.AddFolderRouteModelConvention("/Akun", PageHosts.OnHost(edge.Hosts.Portal));
                pages.Conventions.AddFolderRouteModelConvention("/Connect", PageHosts.OnHost(edge.Hosts.Portal));
                pages.Conventions.AddFolderRouteModelConvention("/Staf", PageHosts.OnHost(edge.Hosts.Admin));
            })
            .AddApplicationPart(typeof(IdentityModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapGatewayIdentity(this IEndpointRouteBuilder endpoints)
    {
        var portal = endpoints.MapPortal();
        var connect = portal.MapGroup("/connect").ExcludeFromDescription();
        connect.MapMethods("/token", ["POST"], TokenEndpoint.ExchangeAsync).RequireRateLimiting(RateLimitPolicies.Token);
        connect.MapMethods("/userinfo", ["GET", "POST"], UserInfoEndpoint.GetAsync)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(SignOnSchemes.Bearer).RequireAuthenticatedUser());
        connect.MapMethods("/endsession", ["GET", "POST"], EndSessionEndpoint.SignOutAsync);
        endpoints.MapAppsHandOff();
        endpoints.MapPortalSignIn();
        var admin = endpoints.MapAdminGroup();
        admin.MapClientAdminApi();
        admin.MapAccountAdminApi();
        endpoints.MapCounterApi();
        Gateway.Identity.DataAccess.DataAccessApi.MapDataAccessApi(endpoints);
        Notices.NoticeApi.MapNoticeApi(endpoints);
        return endpoints;
    }
}

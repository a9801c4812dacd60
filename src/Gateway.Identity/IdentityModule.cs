using Gateway.Identity.Accounts;
using Gateway.Identity.Clients;
using Gateway.Identity.Events;
using Gateway.Identity.Pages;
using Gateway.Identity.Persistence;
using Gateway.Identity.Server;
using Gateway.Identity.Verification;
using Gateway.Platform.Database;
using Gateway.Platform.Security;
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

    /// <summary>Signed in to the gateway's own pages (the session cookie).</summary>
    public const string SessionPolicy = "session";

    public static IHostApplicationBuilder AddGatewayIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(SignOnOptions.Section).Get<SignOnOptions>() ?? new SignOnOptions();
        services.AddOptions<SignOnOptions>().BindConfiguration(SignOnOptions.Section)
            .Validate(o => o.Verification.Sender != VerificationSenderKind.Smtp || !string.IsNullOrWhiteSpace(o.Verification.Smtp.Host),
                "Identity:Verification:Smtp:Host is required when Identity:Verification:Sender is Smtp.")
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
        services.AddAuthentication().AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/akun/masuk";
            cookie.LogoutPath = "/akun/keluar";
            cookie.AccessDeniedPath = "/akun/ditolak";
            cookie.Cookie.Name = "satupintu.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionMinutes);
            cookie.SlidingExpiration = true;
        });
        // "Sign out everywhere" changes the security stamp; other sessions notice within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddOpenIdConnectServer(options);

        services.AddScoped<TokenClaims>();
        services.AddScoped<AccountLookup>();
        services.AddScoped<VerificationCodes>();
        services.AddScoped<Registration>();
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
        services.AddHostedService<RoleSeeder>();

        // Administrators sign in like everyone else (admin role); the admin key stays for bootstrap, from loopback.
        services.AddAuthorizationBuilder().AddPolicy(Policies.Admin, p => p
            .AddAuthenticationSchemes(AdminKeyOptions.SchemeName, SignOnSchemes.Bearer, SignOnSchemes.Session)
            .RequireRole(Roles.Admin));
        services.AddAuthorizationBuilder().AddPolicy(SessionPolicy, p => p.AddAuthenticationSchemes(SignOnSchemes.Session).RequireAuthenticatedUser());
        services.AddRazorPages(pages => pages.Conventions.AuthorizeFolder("/Akun/Saya", SessionPolicy))
            .AddApplicationPart(typeof(IdentityModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapGatewayIdentity(this IEndpointRouteBuilder endpoints)
    {
        var connect = endpoints.MapGroup("/connect").ExcludeFromDescription();
        connect.MapMethods("/token", ["POST"], TokenEndpoint.ExchangeAsync);
        connect.MapMethods("/userinfo", ["GET", "POST"], UserInfoEndpoint.GetAsync)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(SignOnSchemes.Bearer).RequireAuthenticatedUser());
        connect.MapMethods("/endsession", ["GET", "POST"], EndSessionEndpoint.SignOutAsync);
        endpoints.MapRazorPages();
        endpoints.MapLanguageSwitch();
        var admin = endpoints.MapAdminGroup();
        admin.MapClientAdminApi();
        admin.MapAccountAdminApi();
        return endpoints;
    }
}

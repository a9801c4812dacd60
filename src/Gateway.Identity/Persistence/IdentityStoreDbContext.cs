using Gateway.Identity.Accounts;
using Gateway.Messaging.Persistence;
using Gateway.Platform.Audit;
using Gateway.Platform.Database;
using Gateway.Platform.Notices;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gateway.Identity.Persistence;

/// <summary>
/// Accounts (ASP.NET Core Identity), OpenIddict's clients, scopes, authorizations and tokens, and the
/// outbox, in one context: a registration and its <c>CitizenRegistered</c> event commit together.
/// </summary>
public abstract class IdentityStoreDbContext(DbContextOptions options)
    : IdentityDbContext<GatewayUser, IdentityRole<Guid>, Guid>(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.Entity<GatewayUser>(user =>
        {
            user.Property(u => u.FullName).HasMaxLength(200);
            user.Property(u => u.Nik).HasMaxLength(16);
            user.Property(u => u.AgencyCode).HasMaxLength(40);
            user.Property(u => u.PreferredLanguage).HasMaxLength(5);
            user.Property(u => u.NikVerification).HasMaxLength(20);
            user.Property(u => u.NikVerifiedBy).HasMaxLength(80);
            user.Ignore(u => u.HasVerifiedNik);
            // Many may claim a NIK (anyone can type one); one account at most holds it verified.
            user.HasIndex(u => u.Nik);
            user.HasIndex(u => u.Nik, "ix_identity_users_verified_nik").IsUnique().HasFilter("\"nik_verified_at\" IS NOT NULL");
            user.HasIndex(u => u.PhoneNumber);
        });
        builder.MapOutboxAndInbox();
        builder.MapAuditTrail(this);
        builder.MapCitizenNotices(this, ownsTable: true);

        // Identity and OpenIddict name their tables themselves (AspNetUsers, OpenIddictTokens); ours are snake_case.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && TableNames.TryGetValue(table, out var name))
            {
                entity.SetTableName(name);
            }
        }
    }

    private static readonly Dictionary<string, string> TableNames = new(StringComparer.Ordinal)
    {
        ["AspNetUsers"] = "identity_users",
        ["AspNetRoles"] = "identity_roles",
        ["AspNetUserRoles"] = "identity_user_roles",
        ["AspNetUserClaims"] = "identity_user_claims",
        ["AspNetUserLogins"] = "identity_user_logins",
        ["AspNetUserTokens"] = "identity_user_tokens",
        ["AspNetRoleClaims"] = "identity_role_claims",
        ["OpenIddictApplications"] = "oidc_applications",
        ["OpenIddictAuthorizations"] = "oidc_authorizations",
        ["OpenIddictScopes"] = "oidc_scopes",
        ["OpenIddictTokens"] = "oidc_tokens",
    };
}

public sealed class SqliteIdentityStoreDbContext(DbContextOptions<SqliteIdentityStoreDbContext> options) : IdentityStoreDbContext(options);

public sealed class PostgresIdentityStoreDbContext(DbContextOptions<PostgresIdentityStoreDbContext> options) : IdentityStoreDbContext(options);

internal sealed class SqliteIdentityDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIdentityStoreDbContext>
{
    public SqliteIdentityStoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIdentityStoreDbContext>()
            .UseModuleSqlite("Data Source=design-time.db", IdentityModule.DatabaseName).Options);
}

internal sealed class PostgresIdentityDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIdentityStoreDbContext>
{
    public PostgresIdentityStoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIdentityStoreDbContext>()
            .UseModulePostgres("Host=localhost;Database=design_time", IdentityModule.DatabaseName).Options);
}

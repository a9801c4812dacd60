using Gateway.Identity.Accounts;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Gateway.Identity.IntegrationTests;

/// <summary>Bounded growth (issue 13): spent tokens and never-verified sign-ups are removed on schedule, nothing else.</summary>
public sealed class HousekeepingTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Spent_tokens_and_stale_unverified_sign_ups_are_removed_and_nothing_else(DatabaseKind database)
    {
        await using var app = await GatewayApp.StartAsync(database);
        var longAgo = DateTimeOffset.UtcNow.AddDays(-30);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<GatewayUser>>();
            await CitizenAsync(users, "stale", email: "stale@example.org", confirmed: false, createdAt: DateTime.UtcNow.AddHours(-2));
            await CitizenAsync(users, "fresh", email: "fresh@example.org", confirmed: false, createdAt: DateTime.UtcNow.AddMinutes(-5));
            await CitizenAsync(users, "verified", email: "verified@example.org", confirmed: true, createdAt: DateTime.UtcNow.AddDays(-40));
            // Made at a counter by an administrator, with no contact to verify: never a stale sign-up.
            await CitizenAsync(users, "counter", email: null, confirmed: false, createdAt: DateTime.UtcNow.AddDays(-40));

            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            await TokenAsync(tokens, "revoked-old", OpenIddictConstants.Statuses.Revoked, longAgo, longAgo.AddDays(14));
            await TokenAsync(tokens, "expired-old", OpenIddictConstants.Statuses.Valid, longAgo, longAgo.AddDays(1));
            await TokenAsync(tokens, "valid-old", OpenIddictConstants.Statuses.Valid, longAgo, DateTimeOffset.UtcNow.AddDays(30));
            await TokenAsync(tokens, "revoked-new", OpenIddictConstants.Statuses.Revoked, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(13));
        }

        await app.Services.GetRequiredService<IdentityHousekeeping>().RunOnceAsync(TestContext.Current.CancellationToken);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<GatewayUser>>();
            var left = await users.Users.Where(u => u.FullName.StartsWith("Uji ")).Select(u => u.FullName).OrderBy(n => n).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["Uji counter", "Uji fresh", "Uji verified"], left);

            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            var subjects = new List<string>();
            await foreach (var token in tokens.ListAsync(count: null, offset: null, TestContext.Current.CancellationToken))
            {
                subjects.Add((await tokens.GetSubjectAsync(token, TestContext.Current.CancellationToken))!);
            }

            Assert.Equal(["revoked-new", "valid-old"], subjects.Where(s => s.Contains('-', StringComparison.Ordinal)).Order());
        }
    }

    private static async Task CitizenAsync(UserManager<GatewayUser> users, string name, string? email, bool confirmed, DateTime createdAt)
    {
        var user = new GatewayUser
        {
            UserName = "warga-" + Guid.NewGuid().ToString("N"),
            FullName = "Uji " + name,
            Email = email,
            EmailConfirmed = confirmed,
            CreatedAt = createdAt,
        };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Citizen)).Succeeded);
    }

    private static Task TokenAsync(IOpenIddictTokenManager tokens, string subject, string status, DateTimeOffset created, DateTimeOffset expires) =>
        tokens.CreateAsync(new OpenIddictTokenDescriptor
        {
            Subject = subject,
            Status = status,
            Type = OpenIddictConstants.TokenTypeHints.RefreshToken,
            CreationDate = created,
            ExpirationDate = expires,
        }).AsTask();
}

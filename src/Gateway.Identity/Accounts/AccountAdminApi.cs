using System.Net.Mail;
using System.Security.Cryptography;
using Gateway.Identity.Persistence;
using Gateway.Platform.Agencies;
using Gateway.Platform.Audit;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Identity.Accounts;

/// <summary>An account Diskominfo creates: officers and administrators, or a resident helped at a service counter.</summary>
public sealed record AccountInput(string? Role, string? FullName, string? Email, string? Phone, string? Nik, string? AgencyCode);

public sealed record AccountView(Guid Id, string FullName, string? Email, string? Phone, string? MaskedNik, string? AgencyCode, IReadOnlyList<string> Roles, bool LockedOut);

/// <summary>The answer to creating an account: the temporary password, shown this once, to hand over in person.</summary>
public sealed record CreatedAccountView(AccountView Account, string TemporaryPassword);

/// <summary>
/// <c>/api/admin/accounts</c>: officers of each agency, administrators, and residents registered at a
/// counter — whose NIK is verified at once (the administrator has the resident and the KTP in front of them).
/// </summary>
internal static class AccountAdminApi
{
    public static void MapAccountAdminApi(this RouteGroupBuilder admin)
    {
        var accounts = admin.MapGroup("/accounts").WithTags("Admin: accounts");
        accounts.MapGet("/", List).WithSummary("List accounts (filter by role and agencyCode)").Produces<List<AccountView>>();
        accounts.MapPost("/", Create)
            .WithSummary("Create an officer, administrator or (at a service counter) resident account, verified; its temporary password is returned only here")
            .Produces<CreatedAccountView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapPost("/{id:guid}/disable", DisableAsync)
            .WithSummary("Disable an account: it cannot sign in, and its sessions and tokens end (staff within seconds)")
            .Produces<AccountView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPost("/{id:guid}/enable", EnableAsync)
            .WithSummary("Let a disabled or locked-out account sign in again")
            .Produces<AccountView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPost("/{id:guid}/sign-out", SignOutAsync)
            .WithSummary("End every session and token of an account (staff within seconds); it may sign in again")
            .Produces<AccountView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static readonly BilingualText UnknownAccount = new("Akun tidak ditemukan.", "No such account.");

    private static async Task<IResult> DisableAsync(
        Guid id, UserManager<GatewayUser> users, AccountSessions sessions, AuditedChanges audited, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(id.ToString()) is { } user
            ? await Then(() => sessions.DisableAsync(user, cancellationToken), "identity.account.disabled", users, user, audited, cancellationToken)
            : Problems.NotFound(UnknownAccount);

    private static async Task<IResult> EnableAsync(
        Guid id, UserManager<GatewayUser> users, AccountSessions sessions, AuditedChanges audited, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(id.ToString()) is { } user
            ? await Then(() => sessions.EnableAsync(user), "identity.account.enabled", users, user, audited, cancellationToken)
            : Problems.NotFound(UnknownAccount);

    private static async Task<IResult> SignOutAsync(
        Guid id, UserManager<GatewayUser> users, AccountSessions sessions, AuditedChanges audited, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(id.ToString()) is { } user
            ? await Then(() => sessions.EndAllAsync(user, cancellationToken), "identity.account.signed-out", users, user, audited, cancellationToken)
            : Problems.NotFound(UnknownAccount);

    private static async Task<IResult> Then(
        Func<Task> change, string action, UserManager<GatewayUser> users, GatewayUser user, AuditedChanges audited, CancellationToken cancellationToken)
    {
        await audited.RunAsync(change, AccountAudit(action, user, await users.GetRolesAsync(user)), cancellationToken);
        return TypedResults.Ok(await ViewAsync(users, user));
    }

    /// <summary>An account's audit record: its roles and agency, never its password, NIK or contact details.</summary>
    private static AuditEntry AccountAudit(string action, GatewayUser user, IEnumerable<string> roles) =>
        new(action, "account", user.Id.ToString(), AuditSummary.Facts(new { roles, agencyCode = user.AgencyCode }))
        {
            // A resident's account is their personal data: the record shows on their own page.
            DataSubject = user.Nik is null ? null : user.Id.ToString(),
        };

    private static async Task<IResult> List(
        string? role, string? agencyCode, UserManager<GatewayUser> users, IdentityStoreDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(agencyCode))
        {
            query = query.Where(u => u.AgencyCode == agencyCode);
        }

        if (!string.IsNullOrEmpty(role))
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        var list = await query.OrderBy(u => u.FullName).Take(500).ToListAsync(cancellationToken);
        var views = new List<AccountView>(list.Count);
        foreach (var user in list)
        {
            views.Add(await ViewAsync(users, user));
        }

        // Names, contacts and masked NIKs were shown: one record, and one per resident shown (for their own page).
        audit.Record(db, new AuditEntry("identity.account.listed", "account", $"{list.Count} accounts", AuditSummary.Facts(new { role, agencyCode, count = list.Count })));
        foreach (var resident in list.Where(u => u.Nik is not null))
        {
            audit.Record(db, new AuditEntry("identity.account.read", "account", resident.Id.ToString()) { DataSubject = resident.Id.ToString() });
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> Create(
        AccountInput input, UserManager<GatewayUser> users, AuditedChanges audited, IAgencyDirectory agencies,
        NikVerification nikVerification, HttpContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, BilingualText message) => errors[field] = [message.Localize()];

        string[] roles = [Roles.Citizen, Roles.Officer, Roles.Admin];
        if (input.Role is null || !roles.Contains(input.Role))
        {
            Fail("role", new BilingualText("role harus citizen, officer, atau admin.", "role must be citizen, officer or admin."));
        }

        if (input.FullName?.Trim() is not { Length: >= 2 and <= 200 })
        {
            Fail("fullName", new BilingualText("Isi nama lengkap (2–200 karakter).", "Enter the full name (2–200 characters)."));
        }

        if (input.Email is not null && (!MailAddress.TryCreate(input.Email, out var mail) || mail.Address != input.Email))
        {
            Fail("email", new BilingualText("Alamat e-mail tidak valid.", "The e-mail address is not valid."));
        }

        var phone = input.Phone is null ? null : PhoneNumbers.Normalize(input.Phone);
        if (input.Phone is not null && phone is null)
        {
            Fail("phone", new BilingualText("Nomor HP tidak valid (contoh: 0812 3456 7890).", "The mobile number is not valid (e.g. 0812 3456 7890)."));
        }

        if (input.Email is null && input.Phone is null)
        {
            Fail("email", new BilingualText("Isi e-mail atau nomor HP.", "Enter an e-mail or a mobile number."));
        }

        var nik = input.Nik is null ? null : Nik.Check(input.Nik, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (input.Role == Roles.Citizen && nik is null)
        {
            Fail("nik", new BilingualText("Akun warga memerlukan NIK.", "A resident's account needs a NIK."));
        }
        else if (nik is { IsValid: false })
        {
            Fail("nik", nik.Error!.Value);
        }

        if (input.Role == Roles.Officer && (input.AgencyCode is null || !agencies.Exists(input.AgencyCode)))
        {
            Fail("agencyCode", new BilingualText("Petugas harus terdaftar pada instansi yang ada di katalog.", "An officer must belong to an agency in the catalogue."));
        }
        else if (input.Role != Roles.Officer && input.AgencyCode is not null)
        {
            Fail("agencyCode", new BilingualText("agencyCode hanya untuk petugas.", "agencyCode is for officers only."));
        }

        if (errors.Count > 0)
        {
            return Problems.Result(ProblemKind.Validation, errors: errors);
        }

        var user = new GatewayUser
        {
            UserName = nik is not null ? "warga-" + Guid.NewGuid().ToString("N") : input.Email ?? phone,
            Nik = nik?.Value,
            FullName = input.FullName!.Trim(),
            Email = input.Email,
            EmailConfirmed = input.Email is not null,
            PhoneNumber = phone,
            PhoneNumberConfirmed = phone is not null,
            AgencyCode = input.AgencyCode,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        if (await users.Users.AnyAsync(u => u.UserName == user.UserName || (user.Nik != null && u.Nik == user.Nik && u.NikVerifiedAt != null), cancellationToken))
        {
            return Problems.Result(ProblemKind.Conflict, new BilingualText("Akun dengan NIK/e-mail/nomor HP ini sudah ada.", "An account with this NIK/e-mail/mobile number already exists."));
        }

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
        var result = await audited.RunAsync(async () =>
        {
            var created = await users.CreateAsync(user, password);
            return created.Succeeded ? await users.AddToRoleAsync(user, input.Role!) : created;
        }, created => created.Succeeded
            ? AccountAudit("identity.account.created", user, [input.Role!]) with
            {
                // A resident's account is made at a counter, by an administrator acting for them.
                OnBehalfOf = input.Role == Roles.Citizen ? user.Id.ToString() : null,
            }
            : null, cancellationToken);
        if (!result.Succeeded)
        {
            return Problems.Result(ProblemKind.Validation, errors: result.Errors
                .Select(e => AccountMessages.ToFieldError(e, 10))
                .GroupBy(e => e.Field.Length == 0 ? "body" : e.Field)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message.Localize()).ToArray()));
        }

        if (user.Nik is not null
            && await nikVerification.VerifyAsync(user, user.Nik, NikVerification.Counter, CounterApi.Verifier(context.User), cancellationToken) == NikVerificationOutcome.HeldByAnother)
        {
            await users.DeleteAsync(user);
            return Problems.Result(ProblemKind.Conflict, new BilingualText("Akun dengan NIK/e-mail/nomor HP ini sudah ada.", "An account with this NIK/e-mail/mobile number already exists."));
        }

        return TypedResults.Created($"/api/admin/accounts/{user.Id}", new CreatedAccountView(await ViewAsync(users, user), password));
    }

    private static async Task<AccountView> ViewAsync(UserManager<GatewayUser> users, GatewayUser user) => new(
        user.Id, user.FullName, user.Email, user.PhoneNumber,
        user.Nik is null ? null : Nik.Masked(user.Nik),
        user.AgencyCode, [.. await users.GetRolesAsync(user)], await users.IsLockedOutAsync(user));
}

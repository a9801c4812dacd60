using System.Security.Claims;
using Gateway.Platform.Edge;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Gateway.Identity.Accounts;

/// <summary>At a service counter: the resident's account (by the login they use) and the NIK on the KTP the officer holds.</summary>
public sealed record NikVerificationInput(string? Login, string? Nik);

public sealed record NikVerificationView(Guid AccountId, string FullName, string MaskedNik, string Assurance, DateTime? VerifiedAt, string? Method, string? VerifiedBy);

/// <summary>
/// <c>/api/counter</c> on the administration origin: an officer (any agency's: Disdukcapil, a
/// public-service mall) or an administrator who has seen a resident's KTP verifies the NIK on their
/// account. The officer's account is recorded as who verified it.
/// </summary>
internal static class CounterApi
{
    private static readonly BilingualText HeldByAnother = new(
        "NIK ini sudah terverifikasi pada akun lain. Jika pemiliknya kehilangan akses, gunakan pemulihan akun; NIK tidak dipindahkan dari akun terverifikasi di loket.",
        "This NIK is verified on another account. If its owner lost access, use account recovery; a counter never moves a NIK off a verified account.");

    private static readonly BilingualText UnknownAccount = new(
        "Tidak ada akun warga dengan e-mail, nomor HP, atau NIK ini.", "No resident's account has this e-mail, mobile number or NIK.");

    public static void MapCounterApi(this IEndpointRouteBuilder endpoints)
    {
        var counter = endpoints.MapAdministration("/api/counter").WithTags("Counter: NIK verification")
            .RequireAuthorization(IdentityModule.CounterPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        counter.MapPost("/nik-verifications", VerifyAsync)
            .WithSummary("Verify a resident's NIK after seeing their KTP; another account's mere claim to that NIK is removed")
            .Produces<NikVerificationView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Who verified: the officer's account id, or <c>admin-key</c> for the bootstrap key.</summary>
    public static string Verifier(ClaimsPrincipal user) => user.FindFirst(Claims.Subject)?.Value ?? "admin-key";

    private static async Task<IResult> VerifyAsync(
        NikVerificationInput input, HttpContext context, AccountLookup lookup, UserManager<GatewayUser> users,
        NikVerification verification, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Login))
        {
            errors["login"] = [new BilingualText("Isi e-mail, nomor HP, atau NIK yang dipakai warga untuk masuk.", "Enter the e-mail, mobile number or NIK the resident signs in with.").Localize()];
        }

        var nik = Nik.Check(input.Nik, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (!nik.IsValid)
        {
            errors["nik"] = [nik.Error!.Value.Localize()];
        }

        if (errors.Count > 0)
        {
            return Problems.Result(ProblemKind.Validation, errors: errors);
        }

        var user = await lookup.FindAsync(input.Login, cancellationToken);
        if (user is null || !await users.IsInRoleAsync(user, Roles.Citizen))
        {
            return Problems.NotFound(UnknownAccount);
        }

        var outcome = await verification.VerifyAsync(user, nik.Value!, NikVerification.Counter, Verifier(context.User), cancellationToken);
        if (outcome == NikVerificationOutcome.HeldByAnother)
        {
            return Problems.Result(ProblemKind.Conflict, HeldByAnother);
        }

        return TypedResults.Ok(View(user));
    }

    public static NikVerificationView View(GatewayUser user) => new(
        user.Id, user.FullName, Nik.Masked(user.Nik),
        user.HasVerifiedNik ? NikAssurance.Verified : NikAssurance.Claimed,
        user.NikVerifiedAt, user.NikVerification, user.NikVerifiedBy);
}

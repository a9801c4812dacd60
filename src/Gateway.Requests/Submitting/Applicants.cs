using System.Security.Claims;
using Gateway.Platform.Security;

namespace Gateway.Requests.Submitting;

/// <summary>Who is applying, from the single sign-on's claims (session or bearer token).</summary>
/// <param name="Nik">Present only when verified and the caller (the portal, or an app allowed the <c>nik</c> scope) may use it.</param>
/// <param name="NikVerified">The gateway vouches for the citizen's NIK, whether or not this caller carries it.</param>
internal sealed record ApplicantIdentity(Guid CitizenId, string Name, string? Nik, string? Email, string? Phone, bool NikVerified = false)
{
    public static ApplicantIdentity? From(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue("sub"), out var id)
            ? new ApplicantIdentity(id, user.FindFirstValue("name") ?? "", user.FindFirstValue(GatewayClaims.Nik),
                user.FindFirstValue("email"), user.FindFirstValue("phone_number"), NikAssurance.IsVerified(user))
            : null;

    public static Guid? IdOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue("sub"), out var id) ? id : null;
}

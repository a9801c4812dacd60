using System.Security.Claims;
using Gateway.Platform.Security;

namespace Gateway.Requests.Submitting;

/// <summary>Who is applying, from the single sign-on's claims (session or bearer token).</summary>
internal sealed record ApplicantIdentity(Guid CitizenId, string Name, string? Nik, string? Email, string? Phone)
{
    public static ApplicantIdentity? From(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue("sub"), out var id)
            ? new ApplicantIdentity(id, user.FindFirstValue("name") ?? "", user.FindFirstValue(GatewayClaims.Nik),
                user.FindFirstValue("email"), user.FindFirstValue("phone_number"))
            : null;

    public static Guid? IdOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue("sub"), out var id) ? id : null;
}

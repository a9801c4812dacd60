using System.Security.Claims;

namespace Gateway.Platform.Security;

/// <summary>
/// Whose account a principal is: the token's <c>sub</c>, or the name identifier of a cookie session (ASP.NET
/// Core Identity's), whichever the scheme put there.
/// </summary>
public static class AccountClaims
{
    public static string? SubjectOf(this ClaimsPrincipal user) =>
        user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    /// <summary>The account id, or null for an app acting for itself (its <c>sub</c> is a client id) or nobody.</summary>
    public static Guid? AccountIdOf(this ClaimsPrincipal user) => Guid.TryParse(user.SubjectOf(), out var id) ? id : null;
}

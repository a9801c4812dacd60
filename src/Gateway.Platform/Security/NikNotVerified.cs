using Microsoft.AspNetCore.Authorization;

namespace Gateway.Platform.Security;

/// <summary>Why a citizen was refused: the route needs a verified NIK and theirs is only claimed (answered with <see cref="NikAssurance.NotVerified"/>).</summary>
public sealed class NikNotVerified(IAuthorizationHandler handler) : AuthorizationFailureReason(handler, "The NIK is not verified.");

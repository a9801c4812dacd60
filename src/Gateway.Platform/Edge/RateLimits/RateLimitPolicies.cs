namespace Gateway.Platform.Edge.RateLimits;

/// <summary>Names of the per-address policies an endpoint names with <c>RequireRateLimiting</c>.</summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";
    public const string ForgotPassword = "forgot-password";
    public const string Token = "token";
    public const string Complaints = "complaints";
    public const string Search = "search";
    public const string Track = "track";
}

namespace Gateway.Platform.Security;

public static class Roles
{
    /// <summary>Diskominfo staff who run the gateway.</summary>
    public const string Admin = "admin";
}

public static class Policies
{
    /// <summary>Required by every <c>/api/admin</c> endpoint.</summary>
    public const string Admin = "admin";
}

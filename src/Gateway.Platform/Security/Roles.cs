namespace Gateway.Platform.Security;

/// <summary>The gateway's roles, carried in tokens as <c>role</c> claims.</summary>
public static class Roles
{
    /// <summary>Diskominfo staff who run the gateway.</summary>
    public const string Admin = "admin";

    /// <summary>A resident with a verified SatuPintu account (identified by NIK).</summary>
    public const string Citizen = "citizen";

    /// <summary>Staff of an agency; their token also carries the agency's code.</summary>
    public const string Officer = "officer";
}

public static class Policies
{
    /// <summary>Required by every <c>/api/admin</c> endpoint.</summary>
    public const string Admin = "admin";
}

/// <summary>Claim types of the gateway's own (beyond the OpenID Connect standard ones).</summary>
public static class GatewayClaims
{
    /// <summary>The officer's agency code.</summary>
    public const string Agency = "agency";

    /// <summary>The citizen's NIK; only for clients allowed the <c>nik</c> scope.</summary>
    public const string Nik = "nik";
}

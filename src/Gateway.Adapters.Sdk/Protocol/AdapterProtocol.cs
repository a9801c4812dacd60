namespace Gateway.Adapters.Sdk.Protocol;

/// <summary>
/// How the gateway talks to an adapter that runs as its own service (docs/adapters.md, "Adapters as
/// services"): plain HTTP + JSON under <see cref="BasePath"/>, every call carrying a token the gateway
/// signed, every answer carrying the adapter's proof over that call. Shared by both ends.
/// </summary>
public static class AdapterProtocol
{
    /// <summary>Version 1 of the contract; a breaking change gets <c>/adapter/v2</c> beside it.</summary>
    public const string BasePath = "/adapter/v1";

    public const string ManifestPath = BasePath + "/manifest";

    /// <summary>POST an <see cref="Contracts.Adapters.V1.AdapterSubmission"/>, with <see cref="IdempotencyKeyHeader"/> = its request id.</summary>
    public const string SubmissionsPath = BasePath + "/submissions";

    /// <summary>POST a <see cref="StatusQuery"/>; answers a <see cref="StatusAnswer"/>.</summary>
    public const string StatusesPath = BasePath + "/statuses";

    /// <summary>PUT the document's bytes to <c>{DocumentsPath}/{externalReference}/{documentId}</c> (PUT: repeating it is harmless).</summary>
    public const string DocumentsPath = BasePath + "/documents";

    /// <summary>
    /// POST a <see cref="RegistryCheck"/>; answers a <see cref="RegistryVerdict"/>. Served only by an adapter
    /// that fronts the civil registry (<see cref="Contract.ICivilRegistry"/>); any other answers 404.
    /// </summary>
    public const string CivilRegistryChecksPath = BasePath + "/civil-registry/checks";

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The adapter's HMAC over the gateway's call nonce and the answer's body; see <see cref="AdapterProof"/>.</summary>
    public const string ProofHeader = "X-SatuPintu-Adapter-Proof";

    /// <summary>Document metadata on the PUT (the body is the file itself).</summary>
    public const string DocumentNameHeader = "X-SatuPintu-Document-Name";

    public const string DocumentSha256Header = "X-SatuPintu-Document-Sha256";

    /// <summary>JWT <c>typ</c> of the gateway's call token, so a forwarded identity token cannot be replayed as one.</summary>
    public const string CallTokenType = "satupintu-adapter-call+jwt";

    /// <summary>The call token's audience: the adapter service of <paramref name="agencyCode"/> (an adapter fronts one agency).</summary>
    public static string Audience(string agencyCode) => "satupintu:adapter:" + agencyCode.ToLowerInvariant();

    /// <summary>Adapter keys are random and long: a short one is refused on both ends.</summary>
    public const int MinimumKeyLength = Contracts.Adapters.V1.AdapterKeys.MinimumLength;
}

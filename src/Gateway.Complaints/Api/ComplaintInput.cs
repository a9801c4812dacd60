using Gateway.Contracts.Events.V1;

namespace Gateway.Complaints.Api;

/// <summary>A complaint as a citizen files it through the gateway.</summary>
public sealed record ComplaintInput(
    string? Category,
    ComplaintClass? Class,
    string? Subject,
    string? Description,
    string? Location,
    string? ReporterContact);

/// <summary>Why the complainant is not satisfied with the answer.</summary>
public sealed record ComplaintReopenInput(string? Reason);

/// <summary>An officer's answer to the complainant.</summary>
public sealed record ComplaintAnswerInput(string? Answer);

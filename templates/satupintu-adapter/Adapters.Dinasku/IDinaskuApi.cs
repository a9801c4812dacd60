using Refit;

namespace Adapters.Dinasku;

/// <summary>Dinasku's API, as openapi/agencies/dinasku_code.yaml describes it. Credentials are added by the SDK from configuration.</summary>
public interface IDinaskuApi
{
    /// <summary>Files a case; the same reference again returns the first case.</summary>
    [Post("/api/cases")]
    Task<DinaskuCase> FileAsync([Body] DinaskuNewCase newCase, CancellationToken cancellationToken);

    [Get("/api/cases/{number}")]
    Task<DinaskuCase> CaseAsync(string number, CancellationToken cancellationToken);
}

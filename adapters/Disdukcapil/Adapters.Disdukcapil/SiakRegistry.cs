using System.Globalization;
using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Adapters.Sdk.Registration;
using Microsoft.Extensions.Options;

namespace Adapters.Disdukcapil;

/// <summary>
/// SIAK's resident check as the gateway's civil registry: NIK, name and date of birth in, match or not
/// out. Without a configured SIAK address the registry is unavailable (counter verification still works).
/// </summary>
public sealed class SiakRegistry(ISiakApi siak, IOptionsMonitor<AdapterOptions> options) : ICivilRegistry
{
    public string Name => DisdukcapilRegistration.Name;

    public async Task<RegistryAnswer> CheckAsync(RegistryQuery query, CancellationToken cancellationToken)
    {
        if (options.Get(Name).BaseAddress is null)
        {
            return RegistryAnswer.Unavailable;
        }

        var question = new SiakVerifikasiPenduduk(query.Nik, query.FullName.Trim(), query.DateOfBirth.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        try
        {
            var answer = await LegacyCalls.RunAsync(() => siak.VerifikasiPendudukAsync(question, cancellationToken), "SIAK resident check", cancellationToken);
            return answer.Cocok ? RegistryAnswer.Match : RegistryAnswer.NoMatch;
        }
        catch (Exception e) when (e is LegacyUnavailableException or LegacyContractException)
        {
            return RegistryAnswer.Unavailable;
        }
    }
}

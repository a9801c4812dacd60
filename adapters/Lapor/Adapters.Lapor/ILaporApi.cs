using Refit;

namespace Adapters.Lapor;

/// <summary>LAPOR!'s report API (openapi/agencies/lapor.yaml); the token header is added by the SDK.</summary>
public interface ILaporApi
{
    /// <summary>201 new; 409 with the existing <c>tracking_id</c> when <c>ref_eksternal</c> was reported before; 422 refused.</summary>
    [Post("/api/v2/laporan")]
    Task<IApiResponse<Laporan>> LaporAsync([Body] LaporanBaru laporan, CancellationToken cancellationToken);

    [Get("/api/v2/laporan/{trackingId}")]
    Task<Laporan> LaporanAsync(string trackingId, CancellationToken cancellationToken);
}

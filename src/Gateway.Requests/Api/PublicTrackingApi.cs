using Gateway.Platform.Edge.RateLimits;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Requests.Api;

/// <summary>Where a request stands, for someone without an account at hand: no name, no NIK, no answers, no documents.</summary>
public sealed record PublicTrackingView(
    string TrackingNumber, string ServiceName, string Agency, string Status, string StatusLabel,
    DateTime SubmittedAt, DateTime DueAt, bool Overdue, DateTime UpdatedAt);

/// <summary>
/// <c>GET /api/track/{trackingNumber}?nik4=</c>: a request's status without signing in (a relative at a kiosk, a
/// phone call to the counter). Tracking numbers are sequential, so the look-up also asks for the last four
/// digits of the applicant's NIK; a wrong ending reads exactly like an unknown number, and each address has
/// a small budget of look-ups (<c>RateLimits:TrackPerAddress</c>).
/// </summary>
internal static class PublicTrackingApi
{
    private static readonly BilingualText NikEnding = new(
        "Isi 4 angka terakhir NIK pemohon.", "Enter the last 4 digits of the applicant's NIK.");

    private static readonly BilingualText NotFound = new(
        "Tidak ada permohonan {0} dengan NIK berakhiran itu.", "There is no request {0} with that NIK ending.");

    public static void MapPublicTrackingApi(this IEndpointRouteBuilder portal) =>
        portal.MapGet("/api/track/{trackingNumber}", Track)
            .WithTags("Service requests")
            .WithSummary("A request's status by tracking number and the last 4 digits of the applicant's NIK, without signing in (no personal data)")
            .Produces<PublicTrackingView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.Track);

    private static async Task<IResult> Track(string trackingNumber, string? nik4, RequestReads reads, CancellationToken cancellationToken)
    {
        if (!RequestReads.IsNikEnding(nik4))
        {
            return Problems.Result(ProblemKind.Validation, errors: new Dictionary<string, string[]> { ["nik4"] = [NikEnding.Localize()] });
        }

        return await reads.TrackAsync(trackingNumber, nik4!, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound(NotFound.With(trackingNumber));
    }
}

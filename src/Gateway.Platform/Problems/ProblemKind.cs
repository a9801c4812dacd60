using Gateway.Platform.Localization;

namespace Gateway.Platform.Problems;

/// <summary>
/// The kinds of problem the gateway answers with. <see cref="Type"/> is stable: clients match on it
/// (docs/problems.md lists them); the title is shown to people in their language.
/// </summary>
public sealed record ProblemKind(int Status, string Code, BilingualText Title)
{
    public string Type => "urn:satupintu:problem:" + Code;

    /// <summary>
    /// Gives problems the framework raised on its own (no route matched: 404, wrong method: 405) the
    /// same stable type and bilingual title as ours.
    /// </summary>
    public static void DescribeBareStatus(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (problem.Extensions.ContainsKey("code") || problem.Status is not { } status)
        {
            return;
        }

        var kind = All.FirstOrDefault(k => k.Status == status);
        if (kind is null)
        {
            return;
        }

        problem.Type = kind.Type;
        problem.Title = kind.Title.Localize();
        problem.Extensions["code"] = kind.Code;
    }

    public static readonly ProblemKind Validation = new(400, "validation",
        new("Data yang dikirim tidak valid.", "The request data is invalid."));

    public static readonly ProblemKind Unauthorized = new(401, "unauthorized",
        new("Anda perlu masuk untuk mengakses ini.", "You need to sign in to access this."));

    public static readonly ProblemKind Forbidden = new(403, "forbidden",
        new("Anda tidak berhak mengakses ini.", "You are not allowed to access this."));

    public static readonly ProblemKind NotFound = new(404, "not-found",
        new("Data tidak ditemukan.", "Not found."));

    public static readonly ProblemKind MethodNotAllowed = new(405, "method-not-allowed",
        new("Metode HTTP ini tidak diizinkan untuk layanan ini.", "This HTTP method is not allowed for this service."));

    public static readonly ProblemKind Conflict = new(409, "conflict",
        new("Data bertentangan dengan data yang sudah ada.", "The data conflicts with existing data."));

    public static readonly ProblemKind PreconditionFailed = new(412, "precondition-failed",
        new("Data telah diubah oleh orang lain; muat ulang lalu coba lagi.", "The data was changed by someone else; reload and try again."));

    public static readonly ProblemKind UnsupportedMediaType = new(415, "unsupported-media-type",
        new("Format isi permintaan tidak didukung; kirim application/json.", "Unsupported request body format; send application/json."));

    public static readonly ProblemKind Unprocessable = new(422, "unprocessable",
        new("Permintaan dipahami tetapi tidak dapat diproses.", "The request was understood but cannot be processed."));

    public static readonly ProblemKind PayloadTooLarge = new(413, "payload-too-large",
        new("Berkas terlalu besar.", "The file is too large."));

    public static readonly ProblemKind Internal = new(500, "internal",
        new("Terjadi kesalahan pada gateway. Sebutkan traceId saat melapor.", "The gateway failed. Quote the traceId when reporting it."));

    public static readonly ProblemKind UpstreamUnavailable = new(502, "upstream-unavailable",
        new("Aplikasi dinas tujuan tidak dapat dihubungi.", "The agency application could not be reached."));

    public static readonly ProblemKind ServiceUnavailable = new(503, "service-unavailable",
        new("Layanan sedang tidak tersedia.", "The service is unavailable."));

    private static IEnumerable<ProblemKind> All =>
    [
        Validation, Unauthorized, Forbidden, NotFound, MethodNotAllowed, Conflict, PreconditionFailed,
        UnsupportedMediaType, Unprocessable, PayloadTooLarge, Internal, UpstreamUnavailable, ServiceUnavailable, UpstreamTimeout,
    ];

    public static readonly ProblemKind UpstreamTimeout = new(504, "upstream-timeout",
        new("Aplikasi dinas tujuan tidak menjawab tepat waktu.", "The agency application did not answer in time."));
}

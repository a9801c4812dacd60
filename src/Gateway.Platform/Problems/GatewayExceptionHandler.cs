using System.Text.Json;
using Gateway.Platform.Database;
using Gateway.Platform.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Gateway.Platform.Problems;

/// <summary>
/// Turns what escapes an endpoint into a problem response: unreadable JSON names the field at fault,
/// anything else is a 500 with a trace id. Never a stack trace.
/// </summary>
internal sealed partial class GatewayExceptionHandler(ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    private static readonly BilingualText UnreadableValue = new(
        "Nilai ini tidak dapat dibaca: JSON rusak atau tipe datanya salah.",
        "This value could not be read: malformed JSON or the wrong type.");

    private static readonly BilingualText UnknownField = new(
        "Bidang ini tidak dikenal. Periksa ejaannya di dokumentasi API (/swagger).",
        "This field is unknown. Check its spelling in the API documentation (/swagger).");

    private static readonly BilingualText MissingBody = new(
        "Isi permintaan (JSON) wajib diisi.",
        "A JSON request body is required.");

    private static readonly BilingualText DatabaseAway = new(
        "Basis data gateway sedang tidak dapat dihubungi; tidak ada yang disimpan. Coba lagi sebentar lagi.",
        "The gateway's database cannot be reached right now; nothing was saved. Try again in a moment.");

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseErrors.IsUnreachable(exception))
        {
            // Not an error of this request: one line per request, without the stack, while the database is away.
            LogDatabaseUnreachable(logger, context.Request.Method, context.Request.Path, exception.GetBaseException().Message);
            context.Response.Headers.RetryAfter = "5";
            await Problems.WriteAsync(context, () => Problems.Create(ProblemKind.ServiceUnavailable, DatabaseAway));
            return true;
        }

        if (exception is not BadHttpRequestException)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
        }

        await Problems.WriteAsync(context, () => Describe(exception));
        return true;
    }

    private static ProblemDetails Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } =>
            Problems.Create(ProblemKind.Validation, errors: new Dictionary<string, string[]>
            {
                [FieldOf(json)] = [(IsUnknownMember(json) ? UnknownField : UnreadableValue).Localize()],
            }),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            Problems.Create(ProblemKind.UnsupportedMediaType),
        BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
            Problems.Create(ProblemKind.Validation, errors: new Dictionary<string, string[]>
            {
                ["body"] = [MissingBody.Localize()],
            }),
        BadHttpRequestException bad =>
            Problems.Create(ProblemKind.Validation, new BilingualText(bad.Message, bad.Message)),
        _ => Problems.Create(ProblemKind.Internal),
    };

    /// <summary><c>$.exposure.timeoutSeconds</c> becomes <c>exposure.timeoutSeconds</c>.</summary>
    internal static string FieldOf(JsonException json)
    {
        var path = json.Path;
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    /// <summary>System.Text.Json reports a member it could not map (UnmappedMemberHandling.Disallow) only in its message.</summary>
    private static bool IsUnknownMember(JsonException json) =>
        json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database cannot be reached ({Reason})")]
    private static partial void LogDatabaseUnreachable(ILogger logger, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}

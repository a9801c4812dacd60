using System.Text.Json.Serialization;
using Gateway.Adapters.SampleHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Adapters.Dinasku.LegacyApp;

public sealed record NewCase(
    [property: JsonPropertyName("reference")] string? Reference,
    [property: JsonPropertyName("service")] string? Service,
    [property: JsonPropertyName("applicant_nik")] string? ApplicantNik,
    [property: JsonPropertyName("applicant_name")] string? ApplicantName,
    [property: JsonPropertyName("fields")] Dictionary<string, string>? Fields);

public sealed record CaseAnswer(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("note")] string? Note);

/// <summary>The sample Dinasku: a stub to grow into the real app's behaviour (see SIAK, SIMPERIZINAN, SIMRS, LAPOR! for examples).</summary>
public static class DinaskuApp
{
    public const string KeyHeader = "X-Api-Key";

    /// <summary>Every status the app gives a case.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["NEW", "ACCEPTED", "IN_PROGRESS", "INCOMPLETE", "DONE", "REJECTED"];

    public static Task<SampleLegacyApp> StartAsync(string apiKey, int port = 0, CancellationToken cancellationToken = default) =>
        SampleLegacyApp.StartAsync("Dinasku", (app, sample) => Map(app, sample, apiKey), port: port, cancellationToken: cancellationToken);

    private static void Map(WebApplication app, SampleLegacyApp sample, string apiKey)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/_sample") && context.Request.Headers[KeyHeader] != apiKey)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await next(context);
        });
        app.MapPost("/api/cases", (NewCase body) =>
        {
            if (string.IsNullOrEmpty(body.Reference) || string.IsNullOrEmpty(body.Service))
            {
                return Results.BadRequest();
            }

            var (legacyCase, created) = sample.Cases.File(body.Reference, serial => new LegacyCase
            {
                Number = $"DINASKU-{serial:D6}",
                ClientReference = body.Reference,
                Service = body.Service,
                FiledAt = DateTimeOffset.UtcNow,
                Data = body.Fields ?? [],
                Status = "NEW",
            });
            return Results.Json(new CaseAnswer(legacyCase.Number, legacyCase.Status, legacyCase.Note), statusCode: created ? 201 : 200);
        });
        app.MapGet("/api/cases/{number}", (string number) => sample.Cases.Find(number) is { } c
            ? Results.Json(new CaseAnswer(c.Number, c.Status, c.Note))
            : Results.NotFound());
    }
}

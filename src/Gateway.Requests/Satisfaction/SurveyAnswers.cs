using System.Security.Claims;
using Gateway.Platform.Database;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Gateway.Requests.Api;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Gateway.Requests.Submitting;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Requests.Satisfaction;

/// <summary>What came of an answer: taken (no refusal, no errors), the fields at fault, or why not at all.</summary>
public sealed record SurveyOutcome(IReadOnlyDictionary<string, string[]> Errors, ProblemKind? Refusal = null, BilingualText? Reason = null)
{
    public bool Taken => Errors.Count == 0 && Refusal is null;
}

/// <summary>
/// Takes a citizen's answer to the satisfaction survey about one of their own completed requests, once; for
/// <c>POST /api/requests/{trackingNumber}/survey</c> and the request's page alike.
/// </summary>
public sealed class SurveyAnswers
{
    private static readonly BilingualText ScoreRange = new("Pilih nilai 1 sampai 4.", "Choose a score from 1 to 4.");
    private static readonly BilingualText SuggestionTooLong = new("Saran paling banyak 1000 karakter.", "A suggestion may have at most 1000 characters.");
    private static readonly BilingualText NotCompleted = new(
        "Survei kepuasan dapat diisi setelah permohonan {0} selesai.", "The satisfaction survey opens once request {0} is completed.");
    private static readonly BilingualText AnsweredAlready = new(
        "Survei untuk permohonan {0} sudah diisi. Terima kasih.", "The survey for request {0} was answered already. Thank you.");

    private readonly RequestsDbContext _db;
    private readonly TimeProvider _time;

    internal SurveyAnswers(RequestsDbContext db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    public async Task<SurveyOutcome> AnswerAsync(ClaimsPrincipal citizen, string trackingNumber, SurveyInput input, CancellationToken cancellationToken)
    {
        int?[] scores = [input.U1, input.U2, input.U3, input.U4, input.U5, input.U6, input.U7, input.U8, input.U9];
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] is not (>= 1 and <= 4))
            {
                errors[$"u{i + 1}"] = [ScoreRange.Localize()];
            }
        }

        if (input.Suggestion is { Length: > 1000 })
        {
            errors["suggestion"] = [SuggestionTooLong.Localize()];
        }

        if (errors.Count > 0)
        {
            return new SurveyOutcome(errors);
        }

        var request = await RequestReads.FindMineAsync(_db.Requests.AsNoTracking(), trackingNumber, citizen, cancellationToken);
        if (request is null)
        {
            return new SurveyOutcome(errors, ProblemKind.NotFound, RequestTexts.UnknownRequest.With(trackingNumber));
        }

        if (request.Status != Contracts.Events.V1.ServiceRequestStatus.Completed)
        {
            return new SurveyOutcome(errors, ProblemKind.Conflict, NotCompleted.With(trackingNumber));
        }

        _db.SurveyResponses.Add(new SurveyResponse
        {
            Id = Guid.NewGuid(),
            RequestId = request.Id,
            ServiceSlug = request.ServiceSlug,
            AgencyCode = request.AgencyCode,
            U1 = (short)scores[0]!,
            U2 = (short)scores[1]!,
            U3 = (short)scores[2]!,
            U4 = (short)scores[3]!,
            U5 = (short)scores[4]!,
            U6 = (short)scores[5]!,
            U7 = (short)scores[6]!,
            U8 = (short)scores[7]!,
            U9 = (short)scores[8]!,
            Suggestion = string.IsNullOrWhiteSpace(input.Suggestion) ? null : input.Suggestion.Trim(),
            AnsweredAt = _time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            _db.ChangeTracker.Clear();
            return new SurveyOutcome(errors, ProblemKind.Conflict, AnsweredAlready.With(trackingNumber));
        }

        return new SurveyOutcome(errors);
    }
}

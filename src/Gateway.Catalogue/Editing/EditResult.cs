using Gateway.Platform.Localization;
using Gateway.Platform.Problems;

namespace Gateway.Catalogue.Editing;

/// <summary>Why an edit was refused, in terms the API turns into a problem response.</summary>
public sealed record EditFailure(ProblemKind Kind, BilingualText? Detail = null, IDictionary<string, string[]>? Errors = null)
{
    public static EditFailure Field(ProblemKind kind, string field, BilingualText message) =>
        new(kind, message, Problems.FieldError(field, message));

    public override string ToString() =>
        $"{Kind.Code}: {Detail?.En} {string.Join("; ", Errors?.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}") ?? [])}";
}

/// <summary>The edited entity, or why the edit was refused. Nothing was written when it failed.</summary>
public readonly record struct EditResult<T>(T? Value, EditFailure? Failure)
{
    public static implicit operator EditResult<T>(EditFailure failure) => new(default, failure);
}

public static class EditResult
{
    public static EditResult<T> Ok<T>(T value) => new(value, null);
}

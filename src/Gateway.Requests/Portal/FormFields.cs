using System.Text.Json;

namespace Gateway.Requests.Portal;

/// <summary>One question of a service's form, as the portal renders it.</summary>
/// <param name="Kind">text, textarea, date, integer, number, yesno or choice.</param>
/// <param name="Group">The schema's <c>x-group</c>: the questions asked together on one page of a long form.</param>
public sealed record FormField(
    string Name, string Label, string? Hint, string Kind, bool Required, int? MaxLength, string? Pattern,
    IReadOnlyList<string> Choices, string? Group = null);

/// <summary>One page of a form: a group of questions, with the group's title when the schema names it.</summary>
public sealed record FormPart(string? Title, IReadOnlyList<FormField> Fields);

/// <summary>
/// Reads the questions out of a service's JSON Schema (flat, as <c>FormSchema</c> accepts it): the title is the
/// label, the description the hint, <c>enum</c> a choice, <c>format: date</c> a date, a long <c>maxLength</c> a
/// text area. The schema stays the one rule: answers are checked against it, not against this reading.
/// </summary>
public static class FormFields
{
    private const int TextAreaFrom = 300;

    /// <summary>More questions than this make a long form, asked a part at a time even without <c>x-group</c>.</summary>
    public const int LongForm = 8;

    /// <summary>Questions per part of a long form that names no groups.</summary>
    public const int PartSize = 6;

    /// <summary>
    /// The pages a form is asked on (GOV.UK's "one thing per page", by group): consecutive questions with the same
    /// <c>x-group</c> share a page; a long form without groups is cut every <see cref="PartSize"/> questions;
    /// anything else is one page.
    /// </summary>
    public static IReadOnlyList<FormPart> Parts(IReadOnlyList<FormField> fields)
    {
        if (fields.Any(f => f.Group is not null))
        {
            var runs = new List<(string? Title, List<FormField> Fields)>();
            foreach (var field in fields)
            {
                if (runs.Count == 0 || runs[^1].Title != field.Group)
                {
                    runs.Add((field.Group, []));
                }

                runs[^1].Fields.Add(field);
            }

            return [.. runs.Select(run => new FormPart(run.Title, run.Fields))];
        }

        return fields.Count > LongForm
            ? [.. fields.Chunk(PartSize).Select(chunk => new FormPart(null, chunk))]
            : [new FormPart(null, fields)];
    }

    public static IReadOnlyList<FormField> Of(JsonElement schema)
    {
        var required = schema.TryGetProperty("required", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(r => r.GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        return [.. schema.GetProperty("properties").EnumerateObject().Select(p => Read(p.Name, p.Value, required.Contains(p.Name)))];
    }

    private static FormField Read(string name, JsonElement field, bool required)
    {
        var type = Text(field, "type") ?? "string";
        var maxLength = field.TryGetProperty("maxLength", out var max) && max.TryGetInt32(out var m) ? m : (int?)null;
        var choices = field.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Select(v => v.ToString()).ToList()
            : [];
        var kind = type switch
        {
            "boolean" => "yesno",
            "integer" => "integer",
            "number" => "number",
            _ when choices.Count > 0 => "choice",
            _ when Text(field, "format") == "date" => "date",
            _ when maxLength >= TextAreaFrom => "textarea",
            _ => "text",
        };
        return new FormField(name, Text(field, "title") ?? name.Replace('_', ' '), Text(field, "description"), kind, required,
            maxLength, Text(field, "pattern"), choices, Text(field, "x-group"));
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

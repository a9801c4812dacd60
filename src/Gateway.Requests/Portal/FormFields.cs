using System.Text.Json;

namespace Gateway.Requests.Portal;

/// <summary>One question of a service's form, as the portal renders it.</summary>
/// <param name="Kind">text, textarea, date, integer, number, yesno or choice.</param>
public sealed record FormField(
    string Name, string Label, string? Hint, string Kind, bool Required, int? MaxLength, string? Pattern,
    IReadOnlyList<string> Choices);

/// <summary>
/// Reads the questions out of a service's JSON Schema (flat, as <c>FormSchema</c> accepts it): the title is the
/// label, the description the hint, <c>enum</c> a choice, <c>format: date</c> a date, a long <c>maxLength</c> a
/// text area. The schema stays the one rule: answers are checked against it, not against this reading.
/// </summary>
public static class FormFields
{
    private const int TextAreaFrom = 300;

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
            maxLength, Text(field, "pattern"), choices);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

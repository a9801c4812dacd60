using System.Globalization;
using System.Text.Json;
using Gateway.Platform.Localization;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Gateway.Platform.Forms;

/// <summary>
/// A service's application form, declared as a JSON Schema in the catalogue and checked here field by
/// field. Forms are flat: every field is a string, integer, number or boolean, because agency systems
/// receive them as name/value pairs (documents are uploaded separately). Parsed once per catalogue
/// version; validating an answer is then a pure function.
/// </summary>
public sealed class FormSchema
{
    public const int MaxFields = 60;

    private static readonly HashSet<string> ScalarTypes = ["string", "integer", "number", "boolean"];

    private readonly JsonSchema _schema;

    private readonly HashSet<string> _fields;

    private FormSchema(JsonSchema schema, JsonElement document, List<string> fields)
    {
        _schema = schema;
        Document = document;
        Fields = fields;
        _fields = [.. fields];
    }

    /// <summary>The schema as the administrator registered it, parsed once (portals render the form from it).</summary>
    public JsonElement Document { get; }

    /// <summary>The fields' names, in the order the form declares them.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Reads a form declaration; a schema the gateway cannot use gives a reason an administrator can act on.</summary>
    public static bool TryParse(string json, out FormSchema? form, out BilingualText error)
    {
        form = null;
        error = default;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            error = FormTexts.NotJson.With(ex.Message);
            return false;
        }

        var fields = new List<string>();
        JsonElement root;
        using (document)
        {
            if (FindReference(document.RootElement) is { } reference)
            {
                // NJsonSchema would fetch remote or file references while parsing: never from an admin's input.
                error = FormTexts.NoReferences.With(reference);
                return false;
            }

            root = document.RootElement.Clone();
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "object"
                || !root.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            {
                error = FormTexts.NotAnObjectForm;
                return false;
            }

            var required = root.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array
                ? req.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (var property in properties.EnumerateObject())
            {
                var fieldType = property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString()!
                    : "";
                if (!ScalarTypes.Contains(fieldType))
                {
                    error = FormTexts.FieldNotScalar.With(property.Name);
                    return false;
                }

                fields.Add(property.Name);
            }

            if (fields.Count is 0 or > MaxFields)
            {
                error = FormTexts.FieldCount.With(MaxFields);
                return false;
            }

            if (required.FirstOrDefault(r => !fields.Contains(r)) is { } stray)
            {
                error = FormTexts.RequiredUnknown.With(stray);
                return false;
            }
        }

        try
        {
            var schema = JsonSchema.FromJsonAsync(json).GetAwaiter().GetResult();
            form = new FormSchema(schema, root, fields);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            error = FormTexts.NotASchema.With(ex.Message);
            return false;
        }
    }

    /// <summary>
    /// Checks a citizen's answers. Errors are keyed <c>{prefix}{field}</c> (e.g. <c>fields.nik</c>) in
    /// the caller's language; fields the form does not declare are refused, not silently dropped.
    /// </summary>
    public Dictionary<string, string[]> Validate(JsonElement answers, string prefix)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (answers.ValueKind != JsonValueKind.Object)
        {
            return new() { [prefix.TrimEnd('.')] = [FormTexts.AnswersNotObject.Localize()] };
        }

        foreach (var answer in answers.EnumerateObject())
        {
            if (!_fields.Contains(answer.Name))
            {
                Add(errors, prefix + answer.Name, FormTexts.UnknownField.Localize());
            }
        }

        foreach (var error in _schema.Validate(answers.GetRawText()))
        {
            var field = error.Kind == ValidationErrorKind.PropertyRequired || string.IsNullOrEmpty(error.Path)
                ? error.Property ?? ""
                : error.Path.TrimStart('#', '/').Split('/', 2)[0];
            if (field.Length > 0 && !_fields.Contains(field))
            {
                continue; // already reported as unknown
            }

            Add(errors, field.Length == 0 ? prefix.TrimEnd('.') : prefix + field, FormTexts.Describe(error.Kind).Localize());
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The answers as name/value text, the way agency systems receive a form (invariant culture, booleans as true/false).</summary>
    public Dictionary<string, string> Flatten(JsonElement answers)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (!answers.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            values[field] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => value.GetDecimal().ToString(CultureInfo.InvariantCulture),
                _ => value.GetRawText(),
            };
        }

        return values;
    }

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(message);
    }

    private static string? FindReference(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject()
            .Select(p => p.Name == "$ref" ? p.Value.ToString() : FindReference(p.Value))
            .FirstOrDefault(r => r is not null),
        JsonValueKind.Array => element.EnumerateArray().Select(FindReference).FirstOrDefault(r => r is not null),
        _ => null,
    };
}

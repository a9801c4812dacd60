using System.Text.Json;
using Gateway.Platform.Forms;

namespace Gateway.Platform.Tests;

public sealed class FormSchemaTests
{
    private const string Form = """
        { "type": "object", "required": ["nama", "nik"],
          "properties": {
            "nama": { "type": "string", "minLength": 2 },
            "nik": { "type": "string", "pattern": "^[0-9]{16}$" },
            "anak_ke": { "type": "integer", "minimum": 1 },
            "setuju": { "type": "boolean" },
            "jenis": { "type": "string", "enum": ["baru", "hilang"] } } }
        """;

    private static FormSchema Parse(string json)
    {
        Assert.True(FormSchema.TryParse(json, out var form, out var error), error.En);
        return form!;
    }

    private static JsonElement Answers(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Valid_answers_pass_and_flatten_to_text_as_agencies_receive_them()
    {
        var form = Parse(Form);
        var answers = Answers("""{ "nama": "Siti", "nik": "3273015708900001", "anak_ke": 2, "setuju": true, "jenis": "baru" }""");

        Assert.Empty(form.Validate(answers, "fields."));
        Assert.Equal(new Dictionary<string, string> { ["nama"] = "Siti", ["nik"] = "3273015708900001", ["anak_ke"] = "2", ["setuju"] = "true", ["jenis"] = "baru" },
            form.Flatten(answers));
    }

    [Fact]
    public void Each_bad_answer_is_reported_under_its_own_field()
    {
        var errors = Parse(Form).Validate(Answers("""{ "nik": "123", "anak_ke": 0, "jenis": "rusak", "warna": "biru" }"""), "fields.");

        Assert.Equal(["fields.anak_ke", "fields.jenis", "fields.nama", "fields.nik", "fields.warna"], errors.Keys.Order());
        Assert.Equal("Wajib diisi.", errors["fields.nama"].Single());
        Assert.Equal("Formatnya tidak sesuai.", errors["fields.nik"].Single());
        Assert.Equal("Bukan salah satu pilihan yang tersedia.", errors["fields.jenis"].Single());
    }

    [Fact]
    public void Answers_that_are_not_an_object_are_refused_as_a_whole()
    {
        var errors = Parse(Form).Validate(Answers("[1, 2]"), "fields.");

        Assert.Equal("fields", errors.Keys.Single());
    }

    [Theory]
    [InlineData("""{ "type": "array", "items": {} }""", "type")]
    [InlineData("""{ "type": "object", "properties": { "alamat": { "type": "object" } } }""", "alamat")]
    [InlineData("""{ "type": "object", "properties": { "a": { "$ref": "http://evil.example/x.json" } } }""", "$ref")]
    [InlineData("""{ "type": "object", "required": ["b"], "properties": { "a": { "type": "string" } } }""", "'b'")]
    [InlineData("""{ "type": "object", "properties": {} }""", "1")]
    [InlineData("""{ not json""", "JSON")]
    public void A_form_the_gateway_cannot_use_is_refused_with_a_reason(string json, string mentioned)
    {
        Assert.False(FormSchema.TryParse(json, out var form, out var error));
        Assert.Null(form);
        Assert.Contains(mentioned, error.En, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Id));
    }
}

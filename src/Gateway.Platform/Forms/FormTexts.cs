using Gateway.Platform.Localization;
using NJsonSchema.Validation;

namespace Gateway.Platform.Forms;

/// <summary>What citizens and administrators are told about forms, in both languages.</summary>
internal static class FormTexts
{
    public static readonly BilingualText NotJson = new("Formulir bukan JSON yang sah: {0}", "The form is not valid JSON: {0}");
    public static readonly BilingualText NoReferences = new("Formulir tidak boleh memakai $ref ('{0}'): tulis semua kolom di satu dokumen.", "The form must not use $ref ('{0}'): declare every field in one document.");
    public static readonly BilingualText NotAnObjectForm = new("Formulir harus berupa JSON Schema dengan \"type\": \"object\" dan \"properties\".", "The form must be a JSON Schema with \"type\": \"object\" and \"properties\".");
    public static readonly BilingualText FieldNotScalar = new("Kolom '{0}' harus bertipe string, integer, number atau boolean.", "Field '{0}' must be of type string, integer, number or boolean.");
    public static readonly BilingualText FieldCount = new("Formulir harus memiliki 1 sampai {0} kolom.", "A form must have 1 to {0} fields.");
    public static readonly BilingualText RequiredUnknown = new("Kolom wajib '{0}' tidak dideklarasikan di properties.", "Required field '{0}' is not declared in properties.");
    public static readonly BilingualText NotASchema = new("Formulir bukan JSON Schema yang dapat dipakai: {0}", "The form is not a usable JSON Schema: {0}");
    public static readonly BilingualText AnswersNotObject = new("Isian formulir harus berupa objek JSON.", "The form's answers must be a JSON object.");
    public static readonly BilingualText UnknownField = new("Kolom ini tidak ada pada formulir layanan.", "This field is not part of the service's form.");

    public static BilingualText Describe(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.PropertyRequired => new("Wajib diisi.", "Is required."),
        ValidationErrorKind.StringExpected => new("Harus berupa teks.", "Must be text."),
        ValidationErrorKind.IntegerExpected => new("Harus berupa bilangan bulat.", "Must be a whole number."),
        ValidationErrorKind.NumberExpected => new("Harus berupa angka.", "Must be a number."),
        ValidationErrorKind.BooleanExpected => new("Harus true atau false.", "Must be true or false."),
        ValidationErrorKind.PatternMismatch => new("Formatnya tidak sesuai.", "Does not have the expected format."),
        ValidationErrorKind.StringTooShort => new("Terlalu pendek.", "Is too short."),
        ValidationErrorKind.StringTooLong => new("Terlalu panjang.", "Is too long."),
        ValidationErrorKind.NumberTooSmall => new("Terlalu kecil.", "Is too small."),
        ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => new("Terlalu besar.", "Is too large."),
        ValidationErrorKind.NotInEnumeration => new("Bukan salah satu pilihan yang tersedia.", "Is not one of the allowed choices."),
        ValidationErrorKind.DateExpected => new("Harus berupa tanggal (YYYY-MM-DD).", "Must be a date (YYYY-MM-DD)."),
        ValidationErrorKind.DateTimeExpected => new("Harus berupa tanggal dan waktu.", "Must be a date and time."),
        ValidationErrorKind.EmailExpected => new("Harus berupa alamat e-mail.", "Must be an e-mail address."),
        _ => new("Isian tidak sah.", "Is not valid."),
    };
}

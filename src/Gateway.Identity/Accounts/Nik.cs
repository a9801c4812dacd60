using System.Globalization;
using Gateway.Platform.Localization;

namespace Gateway.Identity.Accounts;

/// <summary>
/// Checks a NIK (Nomor Induk Kependudukan) by its structure: 6 digits of region (province, city or
/// regency, district), 6 of birth date DDMMYY with 40 added to the day for women, 4 of serial. Only
/// the civil registry can say a NIK exists; this catches typos and made-up numbers with a message that
/// says which part is wrong.
/// </summary>
public static class Nik
{
    public const int Length = 16;

    // Province codes of the Ministry of Home Affairs (Kemendagri), including Papua's 2022 provinces.
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
        61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
    ];

    /// <summary>The NIK as pages and staff APIs show it: region and serial, the birth date hidden (<c>327301******0001</c>).</summary>
    public static string Masked(string? nik) => nik is { Length: Length } ? nik[..6] + "******" + nik[12..] : string.Empty;

    public static NikCheck Check(string? value, DateOnly today)
    {
        var nik = value?.Trim() ?? string.Empty;
        if (nik.Length != Length || !nik.All(char.IsAsciiDigit))
        {
            return NikCheck.Invalid(new BilingualText(
                "NIK harus 16 angka.",
                "A NIK is 16 digits."));
        }

        if (!Provinces.Contains(Two(nik, 0)))
        {
            return NikCheck.Invalid(new BilingualText(
                "Dua angka pertama NIK ({0}) bukan kode provinsi.",
                "The first two digits of the NIK ({0}) are not a province code.").With(nik[..2]));
        }

        if (Two(nik, 2) == 0 || Two(nik, 4) == 0)
        {
            return NikCheck.Invalid(new BilingualText(
                "Kode kabupaten/kota dan kecamatan pada NIK (angka 3–6) tidak boleh 00.",
                "The regency/city and district codes of the NIK (digits 3–6) cannot be 00."));
        }

        var day = Two(nik, 6);
        var female = day > 40;
        if (female)
        {
            day -= 40;
        }

        var month = Two(nik, 8);
        if (day is < 1 or > 31)
        {
            return NikCheck.Invalid(new BilingualText(
                "Tanggal lahir pada NIK (angka 7–8) harus 01–31, atau 41–71 untuk perempuan.",
                "The birth day in the NIK (digits 7–8) must be 01–31, or 41–71 for women."));
        }

        if (month is < 1 or > 12)
        {
            return NikCheck.Invalid(new BilingualText(
                "Bulan lahir pada NIK (angka 9–10) harus 01–12.",
                "The birth month in the NIK (digits 9–10) must be 01–12."));
        }

        // Two-digit years: the latest century that is not after this year.
        var twoDigitYear = Two(nik, 10);
        var year = 2000 + twoDigitYear <= today.Year ? 2000 + twoDigitYear : 1900 + twoDigitYear;
        if (day > DateTime.DaysInMonth(year, month))
        {
            return NikCheck.Invalid(new BilingualText(
                "Tanggal lahir pada NIK ({0}-{1}-{2}) tidak ada di kalender.",
                "The birth date in the NIK ({0}-{1}-{2}) does not exist.").With(day.ToString("00", CultureInfo.InvariantCulture), nik.Substring(8, 2), nik.Substring(10, 2)));
        }

        var birthDate = new DateOnly(year, month, day);
        if (birthDate > today)
        {
            return NikCheck.Invalid(new BilingualText(
                "Tanggal lahir pada NIK ({0:dd-MM-yyyy}) ada di masa depan.",
                "The birth date in the NIK ({0:dd-MM-yyyy}) is in the future.").With(birthDate));
        }

        if (nik[12..] == "0000")
        {
            return NikCheck.Invalid(new BilingualText(
                "Nomor urut NIK (4 angka terakhir) tidak boleh 0000.",
                "The serial number of the NIK (last 4 digits) cannot be 0000."));
        }

        return new NikCheck(nik, null, birthDate, female);
    }

    private static int Two(string nik, int start) => (nik[start] - '0') * 10 + (nik[start + 1] - '0');
}

/// <summary>The outcome of <see cref="Nik.Check"/>: the normalised NIK and what it says, or why it is wrong.</summary>
public sealed record NikCheck(string? Value, BilingualText? Error, DateOnly? BirthDate, bool? Female)
{
    public bool IsValid => Error is null;

    internal static NikCheck Invalid(BilingualText error) => new(null, error, null, null);
}

using Gateway.Identity.Accounts;

namespace Gateway.Identity.Tests;

public sealed class NikTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("3273011708900001", 1990, 8, 17, false)] // Kota Bandung, man born 17 Aug 1990
    [InlineData("3273015708900001", 1990, 8, 17, true)]  // the same date for a woman: day + 40
    [InlineData("3277020101050123", 2005, 1, 1, false)]  // Cimahi, born 2005
    [InlineData("8171034111260007", 2026, 11, 1, true)]  // Ambon, a girl born this month
    [InlineData(" 3273011708900001 ", 1990, 8, 17, false)] // pasted with spaces
    public void A_well_formed_NIK_gives_its_birth_date_and_sex(string nik, int year, int month, int day, bool female)
    {
        var check = Nik.Check(nik, Today);

        Assert.True(check.IsValid, check.Error?.En);
        Assert.Equal(nik.Trim(), check.Value);
        Assert.Equal(new DateOnly(year, month, day), check.BirthDate);
        Assert.Equal(female, check.Female);
    }

    [Theory]
    [InlineData("327301170890001", "16 digits")]             // 15 digits
    [InlineData("32730117089000012", "16 digits")]           // 17 digits
    [InlineData("32730117089O0001", "16 digits")]            // a letter O
    [InlineData("", "16 digits")]
    [InlineData("9973011708900001", "province code")]        // no province 99
    [InlineData("2073011708900001", "province code")]        // no province 20
    [InlineData("3200011708900001", "cannot be 00")]         // regency 00
    [InlineData("3273001708900001", "cannot be 00")]         // district 00
    [InlineData("3273013208900001", "01–31, or 41–71")]      // day 32
    [InlineData("3273017208900001", "01–31, or 41–71")]      // day 72 (a woman's 32)
    [InlineData("3273010008900001", "01–31, or 41–71")]      // day 00
    [InlineData("3273011713900001", "01–12")]                // month 13
    [InlineData("3273013102900001", "does not exist")]       // 31 February
    [InlineData("3273012902250001", "does not exist")]       // 29 Feb 2025, not a leap year
    [InlineData("3273011512260001", "in the future")]        // 15 Dec 2026, after today
    [InlineData("3273011708900000", "serial")]               // serial 0000
    public void A_malformed_NIK_is_refused_saying_which_part_is_wrong(string nik, string expected)
    {
        var check = Nik.Check(nik, Today);

        Assert.False(check.IsValid);
        Assert.Contains(expected, check.Error!.Value.En, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(check.Error.Value.Id));
        Assert.NotEqual(check.Error.Value.Id, check.Error.Value.En);
    }

    [Fact]
    public void A_leap_day_in_a_leap_year_is_a_real_birth_date()
    {
        Assert.True(Nik.Check("3273016902000001", Today).IsValid); // a woman born 29 Feb 2000
    }
}

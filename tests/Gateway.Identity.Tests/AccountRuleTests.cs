using Gateway.Identity.Accounts;
using Gateway.Platform.Security;
using Microsoft.AspNetCore.Identity;

namespace Gateway.Identity.Tests;

public sealed class AccountRuleTests
{
    [Theory]
    [InlineData("0812 3456 7890", "+6281234567890")]
    [InlineData("+62 812-3456-7890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("0812345678", "+62812345678")]
    public void Indonesian_mobile_numbers_are_stored_in_one_form(string typed, string stored) =>
        Assert.Equal(stored, PhoneNumbers.Normalize(typed));

    [Theory]
    [InlineData("022 1234567")]   // a Bandung landline
    [InlineData("0812")]          // too short
    [InlineData("+1 415 555 0100")]
    [InlineData("")]
    public void Other_numbers_are_not_mobile_numbers(string typed) => Assert.Null(PhoneNumbers.Normalize(typed));

    [Theory]
    [InlineData("password")]
    [InlineData("Password123!")]
    [InlineData("bismillah")]
    [InlineData("Indonesia1945")]
    [InlineData("sayang123")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abababababab")]
    public void Common_passwords_are_refused(string password) => Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("kopi-hujan-angklung")]
    [InlineData("Tangkuban Perahu 2026 pagi")]
    public void Uncommon_passphrases_pass(string password) => Assert.False(CommonPasswordValidator.IsCommon(password));

    [Fact]
    public void The_session_scheme_name_other_modules_use_is_the_one_Identity_registers()
    {
        Assert.Equal(SignOnSchemes.Session, IdentityConstants.ApplicationScheme);
    }
}

using Gateway.Platform.Localization;
using Microsoft.AspNetCore.Identity;

namespace Gateway.Identity.Accounts;

/// <summary>A problem with one field of an account form, in both languages.</summary>
public sealed record FieldError(string Field, BilingualText Message);

/// <summary>ASP.NET Core Identity's error codes, said to people in Indonesian and English.</summary>
internal static class AccountMessages
{
    public static FieldError ToFieldError(IdentityError error, int minimumLength) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => new("password", new BilingualText(
            "Kata sandi minimal {0} karakter.", "The password needs at least {0} characters.").With(minimumLength)),
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => new("password", new BilingualText(
            "Kata sandi terlalu seragam; pakai lebih banyak karakter yang berbeda.", "The password is too uniform; use more different characters.")),
        "PasswordTooCommon" => new("password", new BilingualText(
            "Kata sandi ini terlalu umum dan mudah ditebak; pilih yang lain, misalnya beberapa kata acak.",
            "This password is too common and easy to guess; pick another, e.g. a few random words.")),
        "PasswordContainsPersonalData" => new("password", new BilingualText(
            "Kata sandi tidak boleh memuat NIK, nomor telepon, atau nama e-mail Anda.",
            "The password must not contain your NIK, phone number or e-mail name.")),
        nameof(IdentityErrorDescriber.DuplicateEmail) => new("email", new BilingualText(
            "E-mail ini sudah dipakai akun lain.", "This e-mail is already used by another account.")),
        nameof(IdentityErrorDescriber.InvalidEmail) => new("email", new BilingualText(
            "Alamat e-mail tidak valid.", "The e-mail address is not valid.")),
        nameof(IdentityErrorDescriber.DuplicateUserName) => new("nik", new BilingualText(
            "Akun dengan NIK ini sudah ada.", "An account with this NIK already exists.")),
        nameof(IdentityErrorDescriber.InvalidToken) => new("code", new BilingualText(
            "Kode salah atau kedaluwarsa.", "The code is wrong or has expired.")),
        _ => new(string.Empty, new BilingualText(
            "Akun tidak dapat disimpan ({0}).", "The account could not be saved ({0}).").With(error.Code)),
    };
}

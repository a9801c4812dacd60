using Gateway.Platform.Localization;

namespace Gateway.Identity.Verification;

/// <summary>The words of a verification message, in the recipient's language.</summary>
internal static class VerificationTexts
{
    public static string Subject(VerificationMessage message) => Pick(message, message.Purpose switch
    {
        VerificationPurpose.ResetPassword => new BilingualText("Kode atur ulang kata sandi SatuPintu", "SatuPintu password reset code"),
        _ => new BilingualText("Kode verifikasi akun SatuPintu", "SatuPintu account verification code"),
    });

    public static string Body(VerificationMessage message) => Pick(message, new BilingualText(
        "Kode Anda: {0}. Berlaku beberapa menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas.",
        "Your code: {0}. It is valid for a few minutes. Never give this code to anyone, officers included.").With(message.Code));

    private static string Pick(VerificationMessage message, BilingualText text) =>
        message.Language == Languages.English ? text.En : text.Id;
}

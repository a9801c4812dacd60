using Gateway.Platform.Localization;

namespace Gateway.Identity.Verification;

/// <summary>The words of a verification message, in the recipient's language.</summary>
internal static class VerificationTexts
{
    public static string Subject(VerificationMessage message) => message.Purpose == VerificationPurpose.StatusUpdate ? $"SatuPintu: {message.Headline}" : Pick(message, message.Purpose switch
    {
        VerificationPurpose.ResetPassword => new BilingualText("Kode atur ulang kata sandi SatuPintu", "SatuPintu password reset code"),
        VerificationPurpose.NikTakenByOwner or VerificationPurpose.NikClaimedByAnother => new BilingualText("NIK pada akun SatuPintu Anda", "The NIK on your SatuPintu account"),
        _ => new BilingualText("Kode verifikasi akun SatuPintu", "SatuPintu account verification code"),
    });

    public static string Body(VerificationMessage message) => message.Purpose == VerificationPurpose.StatusUpdate ? StatusUpdate(message) : Pick(message, message.Purpose switch
    {
        VerificationPurpose.NikTakenByOwner => new BilingualText(
            "NIK yang Anda isi saat mendaftar telah diverifikasi oleh pemiliknya, sehingga tidak lagi tercatat pada akun Anda. " +
            "Jika NIK itu milik Anda, datang ke loket Disdukcapil atau MPP dengan KTP-el.",
            "The NIK you gave when registering was verified by its owner and is no longer on your account. " +
            "If that NIK is yours, visit a Disdukcapil or public-service-mall counter with your e-KTP."),
        VerificationPurpose.NikClaimedByAnother => new BilingualText(
            "Seseorang mendaftar akun SatuPintu lain dengan NIK Anda. NIK Anda tetap terverifikasi pada akun Anda dan tidak dibagikan. " +
            "Jika itu bukan Anda, Anda tidak perlu berbuat apa-apa; jika Anda lupa kata sandi, gunakan \"Lupa kata sandi\".",
            "Someone registered another SatuPintu account with your NIK. Your NIK stays verified on your account and is not shared. " +
            "If it was not you, nothing needs doing; if you forgot your password, use \"Forgot password\"."),
        _ => new BilingualText(
            "Kode Anda: {0}. Berlaku beberapa menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas.",
            "Your code: {0}. It is valid for a few minutes. Never give this code to anyone, officers included.").With(message.Code),
    });

    private static string StatusUpdate(VerificationMessage message) =>
        message.Headline + (string.IsNullOrEmpty(message.Detail) ? "" : "\n\n" + message.Detail) + "\n\n"
        + Pick(message, new BilingualText("Lihat semua kabar di akun SatuPintu Anda.", "See all news in your SatuPintu account."));

    private static string Pick(VerificationMessage message, BilingualText text) =>
        message.Language == Languages.English ? text.En : text.Id;
}

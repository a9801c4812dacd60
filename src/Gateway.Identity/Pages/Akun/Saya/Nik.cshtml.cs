using System.Globalization;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Identity.Accounts;
using Gateway.Platform.Edge.RateLimits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using static Gateway.Web.Frame.Text;

namespace Gateway.Identity.Pages.Akun.Saya;

/// <summary>
/// A citizen verifies their NIK against the civil registry (NIK, name and date of birth, as on the KTP).
/// Every failure reads the same — unknown NIK, another name, held by another account — so the page tells
/// nobody whose a NIK is; guesses are limited per account.
/// </summary>
public sealed class NikModel(
    UserManager<GatewayUser> users,
    SignInManager<GatewayUser> signIns,
    NikVerification verification,
    IEnumerable<ICivilRegistry> registries,
    Throttle throttle,
    IOptions<RateLimitOptions> limits,
    TimeProvider time) : PageModel
{
    private readonly Dictionary<string, string> _errors = [];

    public GatewayUser Account { get; private set; } = null!;

    [BindProperty(Name = "nik")]
    public string? NikInput { get; set; }

    [BindProperty]
    public string? FullName { get; set; }

    [BindProperty]
    public string? DateOfBirth { get; set; }

    public string? Notice { get; private set; }
    public string? Error { get; private set; }

    public string MaskedNik => Nik.Masked(Account.Nik);

    /// <summary>For the shared <c>_FieldHelp</c> partial: the input's id and the error of the property it binds.</summary>
    public (string Id, string? Hint, string? Error) FieldError(string field, string id) => (id, null, _errors.GetValueOrDefault(field));

    public string? Invalid(string field) => _errors.ContainsKey(field) ? "true" : null;

    public string? DescribedBy(string field, string id) => _errors.ContainsKey(field) ? id + "-error" : null;

    public async Task<IActionResult> OnGetAsync(string? pesan)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        Account = account;
        NikInput = account.Nik;
        FullName = account.FullName;
        Notice = pesan == "terverifikasi" ? T("NIK Anda terverifikasi.", "Your NIK is verified.") : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        Account = account;
        var nik = Nik.Check(NikInput, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (!nik.IsValid)
        {
            _errors[nameof(NikInput)] = T(nik.Error!.Value);
        }

        if (FullName?.Trim() is not { Length: >= 2 and <= 200 })
        {
            _errors[nameof(FullName)] = T("Isi nama lengkap sesuai KTP (2–200 karakter).", "Enter your full name as on your ID card (2–200 characters).");
        }

        if (!DateOnly.TryParseExact(DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            _errors[nameof(DateOfBirth)] = T("Isi tanggal lahir (hari, bulan, tahun).", "Enter your date of birth (day, month, year).");
        }

        if (_errors.Count > 0)
        {
            return Page();
        }

        if (registries.FirstOrDefault() is not { } registry)
        {
            Error = T("Pencocokan daring belum tersedia di kota ini. Datang ke loket dengan KTP-el.", "Online matching is not available in this city yet. Visit a counter with your e-KTP.");
            return Page();
        }

        // Each check is a guess at someone's name and birth date: a few a day per account.
        if (Attempts.Refusal(this, throttle, limits.Value.NikCheckPerAccount, "nik-check:" + account.Id) is { } refusal)
        {
            Error = refusal;
            return Page();
        }

        var answer = await registry.CheckAsync(new RegistryQuery(nik.Value!, FullName!.Trim(), born), cancellationToken);
        if (answer == RegistryAnswer.Unavailable)
        {
            Error = T("Data Disdukcapil sedang tidak dapat dihubungi. Coba lagi nanti.", "The civil registry cannot be reached right now. Try again later.");
            return Page();
        }

        var outcome = answer == RegistryAnswer.Match
            ? await verification.VerifyAsync(account, nik.Value!, NikVerification.Registry, registry.Name, cancellationToken)
            : NikVerificationOutcome.HeldByAnother;
        if (outcome == NikVerificationOutcome.HeldByAnother)
        {
            Error = T("Data tidak dapat diverifikasi secara daring. Periksa kembali sesuai KTP-el, atau datang ke loket Disdukcapil atau MPP.",
                "The details could not be verified online. Check them against your e-KTP, or visit a Disdukcapil or public-service-mall counter.");
            return Page();
        }

        // The session carries the new assurance from now on.
        await signIns.RefreshSignInAsync(account);
        return RedirectToPage(new { pesan = "terverifikasi" });
    }
}

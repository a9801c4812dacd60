using System.Globalization;
using Gateway.Catalogue.Model;
using Gateway.Platform.Catalogue;
using static Gateway.Web.Frame.Text;

namespace Gateway.Catalogue.Pages.Layanan;

/// <summary>How the catalogue pages say a service's facts, in the visitor's language.</summary>
public static class ServiceWords
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Status(HealthState? state) => state switch
    {
        HealthState.Up => T("Berjalan normal", "Working normally"),
        HealthState.Degraded => T("Terganggu sebagian", "Partly disrupted"),
        HealthState.Down => T("Sedang tidak dapat diakses", "Currently unavailable"),
        HealthState.Unknown => T("Status belum diketahui", "Status not known yet"),
        _ => T("Layanan di loket", "Counter service"),
    };

    /// <summary>The CSS class of the status badge (colour is never the only signal: the words say it too).</summary>
    public static string StatusClass(HealthState? state) => state?.ToString().ToLowerInvariant() ?? "counter";

    public static string Cost(decimal rupiah) =>
        rupiah == 0 ? T("Gratis", "Free of charge") : "Rp" + rupiah.ToString("#,0", Indonesian);

    public static string Days(int workingDays) =>
        workingDays == 0 ? T("Selesai di hari yang sama", "Done the same day")
        : T($"{workingDays} hari kerja", workingDays == 1 ? "1 working day" : $"{workingDays} working days");

    /// <summary>"99,5%" (one decimal, the visitor's decimal mark).</summary>
    public static string Percent(double share) =>
        (share * 100).ToString("0.#", Lang == "en" ? CultureInfo.InvariantCulture : Indonesian) + "%";

    public static string Channel(ServiceChannel channel) => channel switch
    {
        ServiceChannel.Online => T("Daring", "Online"),
        ServiceChannel.Counter => T("Di loket", "At the counter"),
        _ => T("Daring dan di loket", "Online and at the counter"),
    };
}

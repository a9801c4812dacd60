using System.Globalization;
using Gateway.Platform.Calendar;
using Microsoft.Extensions.Options;

namespace Gateway.Web.Frame;

/// <summary>Dates and times as the city reads them: its own time zone (<c>Calendar:TimeZone</c>), in the visitor's language.</summary>
public sealed class CityTime(IOptions<CityCalendarOptions> calendar)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.Value.TimeZone);

    /// <summary>"8 Des 2026".</summary>
    public string Day(DateTime utc) => Local(utc).ToString("d MMM yyyy", Culture);

    /// <summary>"8 Des 2026 14.05".</summary>
    public string Moment(DateTime utc) => Local(utc).ToString("d MMM yyyy HH:mm", Culture);

    public string Moment(DateTimeOffset at) => Moment(at.UtcDateTime);

    private DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    private static CultureInfo Culture => CultureInfo.GetCultureInfo(Text.Lang == "en" ? "en-GB" : "id-ID");
}

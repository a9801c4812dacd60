using System.ComponentModel.DataAnnotations;

namespace Gateway.Platform.Calendar;

/// <summary>Settings under <c>Calendar</c>: the city's working days, for every deadline the gateway promises.</summary>
public sealed class CityCalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>Public holidays and collective leave (cuti bersama), as dates: no working days.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>The city's time zone; working days are counted on its calendar (WIB by default).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Jakarta";
}

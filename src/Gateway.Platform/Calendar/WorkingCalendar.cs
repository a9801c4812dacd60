using Microsoft.Extensions.Options;

namespace Gateway.Platform.Calendar;

/// <summary>
/// Counts working days on the city's calendar: Monday to Friday, minus configured holidays. A deadline
/// of N working days falls at the same local time of day N working days later (0, "the same day", at the end of
/// that working day); a complaint filed on a weekend or holiday starts counting from the next working day's
/// start. One per city, shared by every module that promises deadlines (complaints, service requests).
/// </summary>
public sealed class WorkingCalendar(IReadOnlyCollection<DateOnly> holidays, TimeZoneInfo timeZone)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public WorkingCalendar(IOptions<CityCalendarOptions> options)
        : this(options.Value.Holidays, TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone))
    {
    }

    public TimeZoneInfo TimeZone => timeZone;

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int workingDays)
    {
        var local = TimeZoneInfo.ConvertTime(start, timeZone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var timeOfDay = local.TimeOfDay;
        if (!IsWorkingDay(day))
        {
            // Filed outside working days: the clock starts at the beginning of the next working day.
            timeOfDay = TimeSpan.Zero;
            do
            {
                day = day.AddDays(1);
            }
            while (!IsWorkingDay(day));
        }

        for (var added = 0; added < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                added++;
            }
        }

        // "0 working days" is the standard's "done the same day": due at the end of that working day, not at the
        // moment of filing (which would make every same-day request overdue as soon as it is made).
        var dueLocal = workingDays == 0 ? day.AddDays(1).ToDateTime(TimeOnly.MinValue) : day.ToDateTime(TimeOnly.FromTimeSpan(timeOfDay));
        return new DateTimeOffset(dueLocal, timeZone.GetUtcOffset(dueLocal));
    }
}

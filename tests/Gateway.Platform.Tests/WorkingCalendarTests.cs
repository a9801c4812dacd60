using Gateway.Platform.Calendar;

namespace Gateway.Platform.Tests;

public sealed class WorkingCalendarTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly WorkingCalendar Calendar = new([new DateOnly(2026, 12, 25)], Jakarta);

    private static DateTimeOffset Wib(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Two_working_days_from_a_friday_morning_is_the_tuesday_morning() =>
        Assert.Equal(Wib(11, 24, 10), Calendar.AddWorkingDays(Wib(11, 20, 10), 2));

    [Fact]
    public void A_same_day_service_is_due_at_the_end_of_the_working_day_it_was_filed_on()
    {
        Assert.Equal(Wib(11, 21, 0), Calendar.AddWorkingDays(Wib(11, 20, 10), 0)); // Friday 10:00 → Friday midnight
        Assert.Equal(Wib(11, 24, 0), Calendar.AddWorkingDays(Wib(11, 22, 10), 0)); // Sunday → Monday's end
    }

    [Fact]
    public void A_complaint_filed_on_saturday_starts_counting_on_monday() =>
        Assert.Equal(Wib(11, 24, 0), Calendar.AddWorkingDays(Wib(11, 21, 15), 1));

    [Fact]
    public void Holidays_are_not_working_days() =>
        // Wednesday 23 Dec + 2 working days: Thursday 24, (Friday 25 is Christmas), Monday 28.
        Assert.Equal(Wib(12, 28, 9), Calendar.AddWorkingDays(Wib(12, 23, 9), 2));

    [Fact]
    public void Days_are_counted_on_the_city_calendar_not_in_utc()
    {
        // 20:00 UTC on Friday is already Saturday 03:00 in Bandung: counting starts on Monday.
        var fridayEveningUtc = new DateTimeOffset(2026, 11, 20, 20, 0, 0, TimeSpan.Zero);

        Assert.Equal(Wib(11, 24, 0), Calendar.AddWorkingDays(fridayEveningUtc, 1));
    }

    [Fact]
    public void Sixty_working_days_is_twelve_weeks_without_holidays()
    {
        var plain = new WorkingCalendar([], Jakarta);

        Assert.Equal(Wib(11, 2, 8).AddDays(84), plain.AddWorkingDays(Wib(11, 2, 8), 60));
    }
}

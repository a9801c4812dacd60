using Gateway.Requests.Satisfaction;

namespace Gateway.Requests.Tests;

public sealed class IkmTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    [Theory]
    [InlineData(4.0, 100.00, "A")]
    [InlineData(3.6, 90.00, "A")]
    [InlineData(3.2, 80.00, "B")]
    [InlineData(3.0, 75.00, "C")] // the regulation's bands: a 3 on every element is only "kurang baik"
    [InlineData(2.0, 50.00, "D")]
    [InlineData(1.0, 25.00, "D")]
    public void The_score_is_the_equally_weighted_element_averages_times_25_graded_by_the_regulation_s_bands(double everyElement, double score, string grade)
    {
        var ikm = Ikm.Score(Enumerable.Repeat(everyElement, 9).ToList());

        Assert.Equal(score, ikm, precision: 2);
        Assert.Equal(grade, Ikm.CategoryOf(ikm).Grade);
    }

    [Fact]
    public void Elements_weigh_equally_and_nine_are_required()
    {
        // (4+4+4+3+3+3+2+2+2)/9 = 3 -> 75; the band edges: 88.31 is A, 88.30 is B.
        Assert.Equal(75.00, Ikm.Score([4, 4, 4, 3, 3, 3, 2, 2, 2]), precision: 2);
        Assert.Equal("A", Ikm.CategoryOf(88.31).Grade);
        Assert.Equal("B", Ikm.CategoryOf(88.30).Grade);
        Assert.Throws<ArgumentException>(() => Ikm.Score([4, 4, 4]));
    }

    [Theory]
    [InlineData("2026-12", "2026-12", "2026-11-30T17:00:00", "2026-12-31T17:00:00")]
    [InlineData("2026-Q4", "2026-Q4", "2026-09-30T17:00:00", "2026-12-31T17:00:00")]
    [InlineData("2026", "2026", "2025-12-31T17:00:00", "2026-12-31T17:00:00")]
    [InlineData(null, "2026-12", "2026-11-30T17:00:00", "2026-12-31T17:00:00")]
    public void Periods_are_years_quarters_or_months_in_the_city_s_time_zone(string? text, string name, string from, string to)
    {
        var period = SurveyPeriod.Parse(text, new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), Jakarta)!;

        Assert.Equal(name, period.Name);
        Assert.Equal(DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.FromUtc);
        Assert.Equal(DateTime.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.ToUtc);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("desember")]
    public void A_period_in_another_form_is_refused(string text) =>
        Assert.Null(SurveyPeriod.Parse(text, DateTimeOffset.UtcNow, Jakarta));
}

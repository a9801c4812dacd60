using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.Requests.Satisfaction;

/// <summary>
/// The period an IKM is computed for, in the city's time zone: a year (<c>2026</c>), a quarter
/// (<c>2026-Q4</c>, as the regulation's periodic surveys) or a month (<c>2026-12</c>).
/// </summary>
public sealed partial record SurveyPeriod(string Name, DateTime FromUtc, DateTime ToUtc)
{
    public static SurveyPeriod? Parse(string? text, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Of($"{local.Year:D4}-{local.Month:D2}", new DateTime(local.Year, local.Month, 1), 1, zone);
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["quarter"].Success)
        {
            var quarter = int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture);
            return Of($"{year:D4}-Q{quarter}", new DateTime(year, (quarter * 3) - 2, 1), 3, zone);
        }

        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            return Of($"{year:D4}-{month:D2}", new DateTime(year, month, 1), 1, zone);
        }

        return Of($"{year:D4}", new DateTime(year, 1, 1), 12, zone);
    }

    private static SurveyPeriod Of(string name, DateTime localStart, int months, TimeZoneInfo zone) =>
        new(name, TimeZoneInfo.ConvertTimeToUtc(localStart, zone), TimeZoneInfo.ConvertTimeToUtc(localStart.AddMonths(months), zone));

    [GeneratedRegex(@"^(?<year>20\d\d)(-(Q(?<quarter>[1-4])|(?<month>0[1-9]|1[0-2])))?$")]
    private static partial Regex Pattern();
}

using Gateway.Catalogue.Model;
using Gateway.Platform.Catalogue;

namespace Gateway.Catalogue.Health;

/// <summary>A period a service was down: from its change to down until its next change (null while it lasts).</summary>
public sealed record Incident(DateTime Start, DateTime? End)
{
    public TimeSpan DurationAt(DateTime now) => (End ?? now) - Start;
}

public static class Incidents
{
    /// <summary>The down periods that overlap the window, oldest first, with their real start and end (not cut at the window).</summary>
    /// <param name="changes">As for <see cref="Availability.Measure"/>: the last change before the window, then those within it, oldest first.</param>
    public static List<Incident> Within(IReadOnlyList<ServiceHealthChange> changes, DateTime from, DateTime to)
    {
        var incidents = new List<Incident>();
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].State != HealthState.Down || (i > 0 && changes[i - 1].State == HealthState.Down))
            {
                continue; // not down, or a repeated "down" that continues the same incident
            }

            var next = i + 1;
            while (next < changes.Count && changes[next].State == HealthState.Down)
            {
                next++;
            }

            DateTime? end = next < changes.Count ? changes[next].At : null;
            if (changes[i].At < to && (end is null || end > from))
            {
                incidents.Add(new Incident(changes[i].At, end));
            }
        }

        return incidents;
    }
}

using Gateway.Catalogue.Model;
using Gateway.Platform.Catalogue;

namespace Gateway.Catalogue.Health;

/// <summary>
/// A service's availability over a window, from its status changes: the share of the time it was not down,
/// counting only the time its status was known (before the first check, or after the window, nothing counts).
/// </summary>
public static class Availability
{
    /// <param name="changes">The service's changes, oldest first: the last one before the window (its state at the window's start) and those within it.</param>
    /// <returns>Between 0 and 1; null when the status was never known within the window.</returns>
    public static double? Over(IReadOnlyList<ServiceHealthChange> changes, DateTime from, DateTime to) => Measure(changes, from, to).Share;

    /// <summary>Seconds of known status and of those down: an agency's availability adds its services' up.</summary>
    public static KnownTime Measure(IReadOnlyList<ServiceHealthChange> changes, DateTime from, DateTime to)
    {
        double known = 0, down = 0;
        for (var i = 0; i < changes.Count; i++)
        {
            var start = changes[i].At < from ? from : changes[i].At;
            var end = i + 1 < changes.Count ? changes[i + 1].At : to;
            if (end > to)
            {
                end = to;
            }

            if (end <= start || changes[i].State == HealthState.Unknown)
            {
                continue;
            }

            var span = (end - start).TotalSeconds;
            known += span;
            if (changes[i].State == HealthState.Down)
            {
                down += span;
            }
        }

        return new KnownTime(known, down);
    }
}

/// <summary>Seconds whose status was known, and how many of them were down.</summary>
public readonly record struct KnownTime(double KnownSeconds, double DownSeconds)
{
    /// <summary>Between 0 and 1; null when nothing was known.</summary>
    public double? Share => KnownSeconds > 0 ? 1 - (DownSeconds / KnownSeconds) : null;

    public static KnownTime operator +(KnownTime a, KnownTime b) => new(a.KnownSeconds + b.KnownSeconds, a.DownSeconds + b.DownSeconds);
}

using Gateway.Catalogue.Health;
using Gateway.Catalogue.Model;
using Gateway.Platform.Catalogue;

namespace Gateway.Catalogue.Tests;

public sealed class AvailabilityTests
{
    private static readonly DateTime From = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = From.AddDays(10);

    private static ServiceHealthChange At(double days, HealthState state) => new() { State = state, At = From.AddDays(days) };

    [Fact]
    public void A_day_down_in_ten_is_ninety_percent_and_the_state_before_the_window_counts_from_its_start() =>
        Assert.Equal(0.9, Availability.Over([At(-3, HealthState.Up), At(4, HealthState.Down), At(5, HealthState.Degraded)], From, To)!.Value, 6);

    [Fact]
    public void Time_before_the_first_check_and_unknown_time_are_not_counted() =>
        Assert.Equal(2.0 / 3, Availability.Over([At(6, HealthState.Up), At(8, HealthState.Down), At(9, HealthState.Unknown)], From, To)!.Value, 6);

    [Fact]
    public void Never_checked_is_no_figure_rather_than_a_perfect_one()
    {
        Assert.Null(Availability.Over([], From, To));
        Assert.Null(Availability.Over([At(1, HealthState.Unknown)], From, To));
    }

    [Fact]
    public void An_agency_s_availability_adds_its_services_known_and_down_time_rather_than_averaging_their_shares()
    {
        var allTenDays = Availability.Measure([At(-1, HealthState.Up), At(4, HealthState.Down), At(5, HealthState.Up)], From, To);
        var lastTwoDays = Availability.Measure([At(8, HealthState.Up), At(9, HealthState.Down)], From, To);

        Assert.Equal(0.9, allTenDays.Share!.Value, 6);
        Assert.Equal(0.5, lastTwoDays.Share!.Value, 6);
        Assert.Equal(1 - (2.0 / 12), (allTenDays + lastTwoDays).Share!.Value, 6); // not (0.9 + 0.5) / 2
    }

    [Fact]
    public void Incidents_are_down_periods_with_their_real_start_repeated_downs_merged_and_the_last_one_open()
    {
        var incidents = Incidents.Within(
            [At(-2, HealthState.Down), At(1, HealthState.Up), At(3, HealthState.Down), At(3.5, HealthState.Down), At(4, HealthState.Degraded), At(9, HealthState.Down)],
            From, To);

        Assert.Equal(
            [new Incident(From.AddDays(-2), From.AddDays(1)), new Incident(From.AddDays(3), From.AddDays(4)), new Incident(From.AddDays(9), null)],
            incidents);
        Assert.Equal(TimeSpan.FromDays(1), incidents[2].DurationAt(To));
    }

    [Fact]
    public void An_incident_over_before_the_window_is_not_one_of_it() =>
        Assert.Empty(Incidents.Within([At(-5, HealthState.Down), At(-4, HealthState.Up)], From, To));
}

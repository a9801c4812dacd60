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
}

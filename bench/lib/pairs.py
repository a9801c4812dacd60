"""Per-round ratios for the benches' reports: each round measures its targets seconds apart, so the ratio
of two targets in one round cancels the slow drifts of a shared machine's speed."""
import statistics


def median_and_middle_half(measured_rows, reference_rows, column):
    """Ratios measured / reference of the given column, round by round: (median, lower quartile, upper quartile)."""
    ratios = sorted(float(a[column]) / float(b[column]) for a, b in zip(measured_rows, reference_rows))
    q = statistics.quantiles(ratios, n=4) if len(ratios) >= 2 else [ratios[0]] * 3
    return q[1], q[0], q[2]

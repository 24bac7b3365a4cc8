package io.qualityhub.reports.indicator;

/**
 * Change against the previous period: STEADY when the absolute change is within the indicator's
 * trend tolerance (0 unless configured), otherwise IMPROVING or WORSENING by its direction.
 */
public enum Trend {
    IMPROVING, STEADY, WORSENING, NO_PREVIOUS;

    public static Trend of(Double current, Double previous, Direction direction, double tolerance) {
        if (current == null || previous == null) {
            return NO_PREVIOUS;
        }
        double change = current - previous;
        if (Math.abs(change) <= tolerance) {
            return STEADY;
        }
        return change * direction.sign() > 0 ? IMPROVING : WORSENING;
    }
}

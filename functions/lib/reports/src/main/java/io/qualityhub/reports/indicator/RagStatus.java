package io.qualityhub.reports.indicator;

/**
 * Attainment against target. With target T and amber margin M (in the indicator's unit), for an
 * indicator where higher is better: GREEN when value >= T, AMBER when T - M <= value < T, RED below
 * T - M; where lower is better: GREEN when value <= T, AMBER when T < value <= T + M, RED above.
 * NOT_RATED when no target is configured, NO_DATA when the period has nothing to measure.
 */
public enum RagStatus {
    GREEN, AMBER, RED, NOT_RATED, NO_DATA;

    public static RagStatus rate(Double value, IndicatorTarget target, Direction direction) {
        if (value == null) {
            return NO_DATA;
        }
        if (target == null) {
            return NOT_RATED;
        }
        double shortfall = direction == Direction.HIGHER_IS_BETTER ? target.target() - value : value - target.target();
        if (shortfall <= 0) {
            return GREEN;
        }
        return shortfall <= target.amberMargin() ? AMBER : RED;
    }
}

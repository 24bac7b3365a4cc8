package io.qualityhub.reports.indicator;

public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** +1 when a rise is an improvement, -1 when a fall is. */
    public int sign() {
        return this == HIGHER_IS_BETTER ? 1 : -1;
    }
}

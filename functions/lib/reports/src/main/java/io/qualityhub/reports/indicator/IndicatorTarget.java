package io.qualityhub.reports.indicator;

/**
 * A configured target, in the indicator's unit.
 *
 * @param amberMargin    how far short of target still counts as AMBER rather than RED
 * @param trendTolerance the change against the previous period that still counts as STEADY
 */
public record IndicatorTarget(double target, double amberMargin, double trendTolerance) {
}

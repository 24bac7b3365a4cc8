package io.qualityhub.reports.indicator;

/**
 * One indicator for one scope and period.
 *
 * @param value              null when the period has nothing to measure (no denominator)
 * @param target             null when none is configured
 * @param basis              how many items the value rests on (the denominator, or the count)
 * @param confidenceInterval 95% interval for proportions where it is reported; otherwise null
 * @param numerator          what was counted; null where the value is no quotient (a percentile)
 * @param denominator        what it was divided by; null for a plain count or a missing denominator
 */
public record Indicator(String id, String nameEn, String nameZh, Double value, Unit unit, Double target,
                        RagStatus status, Double previousValue, Trend trend, long basis,
                        ConfidenceInterval confidenceInterval, Double numerator, Double denominator) {
}

package io.qualityhub.reports.indicator;

/**
 * What a definition measures from the tallies, before targets and trends are applied.
 *
 * @param numerator   what was counted (the part of a share, the sum of a mean, the complaints of a rate);
 *                    null where the value is not a quotient (a percentile)
 * @param denominator what it was divided by; null for a plain count, and for a rate whose denominator
 *                    was not supplied (the value is then null too)
 */
public record Measurement(Double value, Double numerator, Double denominator, long basis,
                          ConfidenceInterval confidenceInterval) {

    public static Measurement percent(long part, long whole) {
        return new Measurement(whole == 0 ? null : 100.0 * part / whole, (double) part, (double) whole, whole, null);
    }

    public static Measurement proportionWithInterval(long part, long whole) {
        return new Measurement(whole == 0 ? null : 100.0 * part / whole, (double) part, (double) whole, whole,
                ConfidenceInterval.wilson95(part, whole));
    }

    public static Measurement count(long count) {
        return new Measurement((double) count, (double) count, null, count, null);
    }

    /** {@code count} per 10,000 of {@code population}; no value without a population (null or 0). */
    public static Measurement per10k(long count, Long population) {
        boolean measurable = population != null && population > 0;
        return new Measurement(measurable ? 10_000.0 * count / population : null, (double) count,
                population == null ? null : population.doubleValue(), population == null ? 0 : population, null);
    }

    public static Measurement mean(long sum, long responses) {
        return new Measurement(responses == 0 ? null : (double) sum / responses, (double) sum, (double) responses,
                responses, null);
    }

    /** A percentile of {@code items} values: no quotient, so no numerator. */
    public static Measurement percentile(Double value, long items) {
        return new Measurement(value, null, (double) items, items, null);
    }

    public static Measurement none() {
        return new Measurement(null, null, null, 0, null);
    }
}

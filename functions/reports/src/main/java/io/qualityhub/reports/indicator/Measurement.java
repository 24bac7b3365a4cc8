package io.qualityhub.reports.indicator;

/** What a definition measures from the tallies, before targets and trends are applied. */
public record Measurement(Double value, long basis, ConfidenceInterval confidenceInterval) {

    public static Measurement percent(long part, long whole) {
        return new Measurement(whole == 0 ? null : 100.0 * part / whole, whole, null);
    }

    public static Measurement proportionWithInterval(long part, long whole) {
        return new Measurement(whole == 0 ? null : 100.0 * part / whole, whole,
                ConfidenceInterval.wilson95(part, whole));
    }

    public static Measurement count(long count) {
        return new Measurement((double) count, count, null);
    }

    public static Measurement none() {
        return new Measurement(null, 0, null);
    }
}

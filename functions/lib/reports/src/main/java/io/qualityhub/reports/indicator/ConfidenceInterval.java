package io.qualityhub.reports.indicator;

/** A 95% interval for a proportion, in percent. */
public record ConfidenceInterval(double lower, double upper) {

    private static final double Z_95 = 1.959963984540054;

    /**
     * The Wilson score interval for {@code successes} out of {@code trials}; it stays inside
     * 0-100% and behaves at small samples and rates near 0 or 100%, where the normal approximation
     * does not. Null when there are no trials.
     */
    public static ConfidenceInterval wilson95(long successes, long trials) {
        if (trials == 0) {
            return null;
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double halfWidth = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new ConfidenceInterval(100 * Math.max(0, centre - halfWidth), 100 * Math.min(1, centre + halfWidth));
    }
}

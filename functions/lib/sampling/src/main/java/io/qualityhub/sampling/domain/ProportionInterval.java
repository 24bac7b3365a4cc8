package io.qualityhub.sampling.domain;

/** A proportion with a two-sided 95% confidence interval. */
public record ProportionInterval(double estimate, double lower, double upper) {

    /** The 97.5% point of the standard normal distribution. */
    static final double Z_95 = 1.959963984540054;

    public ProportionInterval {
        if (!(0 <= lower && lower <= estimate && estimate <= upper && upper <= 1)) {
            throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] around " + estimate
                    + " is not a proportion interval");
        }
    }

    /** Wilson score interval for {@code successes} out of {@code trials}. */
    public static ProportionInterval wilson(int successes, int trials) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("no Wilson interval for " + successes + " out of " + trials);
        }
        return wilson((double) successes / trials, trials);
    }

    /**
     * Wilson score interval for a proportion estimated with the precision of {@code effectiveTrials} simple random
     * draws (for a weighted estimate, its effective sample size).
     */
    public static ProportionInterval wilson(double proportion, double effectiveTrials) {
        double z2n = Z_95 * Z_95 / effectiveTrials;
        double centre = (proportion + z2n / 2) / (1 + z2n);
        double halfWidth = Z_95 / (1 + z2n)
                * Math.sqrt(proportion * (1 - proportion) / effectiveTrials + z2n / (4 * effectiveTrials));
        // At 0 and 1 the bound is exact in theory; rounding must not push it a hair past the estimate.
        double lower = proportion == 0 ? 0 : Math.min(proportion, Math.max(0, centre - halfWidth));
        double upper = proportion == 1 ? 1 : Math.max(proportion, Math.min(1, centre + halfWidth));
        return new ProportionInterval(proportion, lower, upper);
    }
}

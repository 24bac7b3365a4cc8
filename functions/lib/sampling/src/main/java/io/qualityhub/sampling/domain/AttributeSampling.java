package io.qualityhub.sampling.domain;

/**
 * Attribute-sampling sizes and limits under the hypergeometric distribution: drawing n of a stratum's N records,
 * of which D deviate, the number of deviations seen is hypergeometric. This is exact for a finite stratum; for a
 * large one it gives the binomial sizes of the published tables (AICPA, Audit Sampling, tables for tests of
 * controls: 59 at 95% confidence and 5% tolerable).
 */
public final class AttributeSampling {

    private AttributeSampling() {
    }

    /**
     * The smallest n such that, were {@code ceil(tolerable * N)} of the N records deviations, a sample of n would show
     * at most {@code ceil(expected * n)} of them with probability at most 1 - confidence. N itself when no smaller n
     * does (a small stratum is inspected whole).
     */
    public static int minimumSize(int populationSize, Assurance assurance) {
        if (populationSize < 1) {
            throw new IllegalArgumentException("a stratum has at least one record, not " + populationSize);
        }
        int deviations = deviationsAtRate(populationSize, assurance.tolerableDeviationRate());
        double risk = riskOf(assurance.confidence());
        for (int n = 1; n < populationSize; n++) {
            int accepted = acceptanceNumber(n, assurance.expectedDeviationRate());
            if (probabilityAtMost(accepted, populationSize, deviations, n) <= risk) {
                return n;
            }
        }
        return populationSize;
    }

    /** How many deviations in a sample of n still support the assurance: ceil(expected * n). */
    public static int acceptanceNumber(int sampleSize, double expectedRate) {
        // The tiny allowance keeps 0.01 * 100 at 1 despite binary rounding.
        return (int) Math.ceil(expectedRate * sampleSize - 1e-9);
    }

    /**
     * The upper deviation limit: the smallest rate D / N such that a stratum with D deviations would show at most the
     * observed number in a sample of n with probability at most 1 - confidence. So, at that confidence, the
     * stratum's rate is below it ("at most" it, as reports say). A stratum inspected whole has its exact rate.
     */
    public static double upperDeviationLimit(int populationSize, int sampleSize, int deviationsSeen, double confidence) {
        if (sampleSize < 1 || sampleSize > populationSize || deviationsSeen < 0 || deviationsSeen > sampleSize) {
            throw new IllegalArgumentException(deviationsSeen + " deviations in " + sampleSize + " of "
                    + populationSize + " records is not a possible inspection result");
        }
        if (sampleSize == populationSize) {
            return (double) deviationsSeen / populationSize;
        }
        double risk = riskOf(confidence);
        // P(at most k seen | D) falls as D grows: the smallest D at or below the risk, by bisection.
        int low = deviationsSeen;
        int high = populationSize - (sampleSize - deviationsSeen);
        while (low < high) {
            int middle = low + (high - low) / 2;
            if (probabilityAtMost(deviationsSeen, populationSize, middle, sampleSize) <= risk) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return (double) low / populationSize;
    }

    /** 1 - confidence, with room for rounding: a tie such as (20 - 19) / 20 = 0.05 exactly meets a 5% risk. */
    private static double riskOf(double confidence) {
        return 1 - confidence + 1e-12;
    }

    static int deviationsAtRate(int populationSize, double rate) {
        return (int) Math.ceil(rate * populationSize - 1e-9);
    }

    /** P(X <= k) for X hypergeometric: n drawn from N of which D deviate; summed in logarithms so nothing underflows. */
    static double probabilityAtMost(int k, int populationSize, int deviations, int sampleSize) {
        long big = populationSize;
        long bad = deviations;
        long n = sampleSize;
        if (n - (big - bad) > k) {
            return 0; // so few good records that more than k bad ones must be drawn
        }
        int first = (int) Math.max(0, n - (big - bad));
        // log P(X = first), as a product of ratios
        double logTerm = 0;
        for (long i = 0; i < first; i++) {
            logTerm += Math.log((double) (bad - i) / (big - i));
        }
        for (long i = 0; i < n - first; i++) {
            logTerm += Math.log((double) (big - bad - i) / (big - first - i));
        }
        logTerm += logChoose(n, first);
        double sum = 0;
        int last = (int) Math.min(k, Math.min(n, bad));
        for (int x = first; x <= last; x++) {
            sum += Math.exp(logTerm);
            // P(x + 1) / P(x) = (D - x)(n - x) / ((x + 1)(N - D - n + x + 1))
            logTerm += Math.log((double) (bad - x) * (n - x) / ((double) (x + 1) * (big - bad - n + x + 1)));
        }
        return Math.min(1, sum);
    }

    private static double logChoose(long n, long k) {
        double log = 0;
        for (long i = 0; i < k; i++) {
            log += Math.log((double) (n - i) / (i + 1));
        }
        return log;
    }
}

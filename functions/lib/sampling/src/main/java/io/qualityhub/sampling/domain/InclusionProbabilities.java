package io.qualityhub.sampling.domain;

/**
 * Target inclusion probabilities proportional to weight for a sample of n: pi_i = n * w_i / sum(w), with any
 * unit reaching 1 taken with certainty and the rest of the sample spread again over the others, until no
 * probability exceeds 1. The probabilities then add up to n.
 */
final class InclusionProbabilities {

    private InclusionProbabilities() {
    }

    /** @param weights in a fixed order (the caller's canonical record order), so the sums are reproducible */
    static double[] proportionalToWeight(double[] weights, int sampleSize) {
        int count = weights.length;
        double[] probabilities = new double[count];
        boolean[] certain = new boolean[count];
        int certainCount = 0;
        boolean capped = true;
        while (capped) {
            capped = false;
            double remainingWeight = 0;
            for (int i = 0; i < count; i++) {
                if (!certain[i]) {
                    remainingWeight += weights[i];
                }
            }
            int remainingSize = sampleSize - certainCount;
            for (int i = 0; i < count; i++) {
                if (!certain[i]) {
                    probabilities[i] = remainingSize * weights[i] / remainingWeight;
                    if (probabilities[i] >= 1) {
                        certain[i] = true;
                        certainCount++;
                        capped = true;
                    }
                }
            }
        }
        for (int i = 0; i < count; i++) {
            if (certain[i]) {
                probabilities[i] = 1;
            }
        }
        return probabilities;
    }
}

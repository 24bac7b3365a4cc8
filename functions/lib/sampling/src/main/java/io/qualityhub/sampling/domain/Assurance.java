package io.qualityhub.sampling.domain;

/**
 * What an attribute sample of a stratum must be able to say: at {@code confidence}, the stratum's deviation rate is
 * below {@code tolerableDeviationRate}, allowing for {@code expectedDeviationRate} deviations in the sample.
 *
 * @param confidence             1 minus the risk of relying on a stratum whose true rate reaches the tolerable one
 * @param tolerableDeviationRate the highest deviation rate the quality department accepts
 * @param expectedDeviationRate  the rate it expects; at most half the tolerable rate, beyond which samples grow
 *                               without bound (the published tables leave those cells empty)
 */
public record Assurance(double confidence, double tolerableDeviationRate, double expectedDeviationRate) {

    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final double DEFAULT_TOLERABLE_RATE = 0.05;
    public static final double DEFAULT_EXPECTED_RATE = 0;

    public Assurance {
        if (!(confidence >= 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " must be at least 0.5 and below 1");
        }
        if (!(tolerableDeviationRate >= 0.01 && tolerableDeviationRate <= 0.5)) {
            throw new IllegalArgumentException("tolerable deviation rate " + tolerableDeviationRate
                    + " must be from 0.01 to 0.5");
        }
        if (!(expectedDeviationRate >= 0 && expectedDeviationRate <= tolerableDeviationRate / 2)) {
            throw new IllegalArgumentException("expected deviation rate " + expectedDeviationRate
                    + " must be from 0 to half the tolerable rate " + tolerableDeviationRate);
        }
    }

    /** 95% confidence, 5% tolerable, 0% expected. */
    public static Assurance defaults() {
        return new Assurance(DEFAULT_CONFIDENCE, DEFAULT_TOLERABLE_RATE, DEFAULT_EXPECTED_RATE);
    }
}

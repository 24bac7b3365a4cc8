package io.qualityhub.sampling.domain;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Horvitz-Thompson estimate of how many records of a population would fail inspection, and the rate.
 *
 * @param estimatedFailures  sum over inspected records of fail / inclusion probability (unbiased for the count)
 * @param rate               estimatedFailures / population size, capped at 1 for display
 * @param failuresVariance   estimated variance of {@code estimatedFailures}; empty when the sample cannot tell
 *                           (a stratum with a single record picked at random besides its certain ones)
 * @param interval95         approximate 95% interval for the rate; empty when the variance is
 */
public record FailureRateEstimate(double estimatedFailures, double rate, OptionalDouble failuresVariance,
                                  Optional<ProportionInterval> interval95) {
}

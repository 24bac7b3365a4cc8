package io.qualityhub.sampling.domain;

import java.util.Optional;

/**
 * Inspection figures for a stratum or a group of strata.
 *
 * @param passRate    share of inspected records that passed, with a Wilson interval; describes the sample, which
 *                    over-represents risky records, not the population
 * @param failureRate the population's estimated failure rate; present once every sampled record is inspected
 * @param census      every record of the population was inspected, so the failure rate is exact
 */
public record InspectionStatistics(int populationSize, int sampled, int inspected, int passed, boolean census,
                                   Optional<ProportionInterval> passRate,
                                   Optional<FailureRateEstimate> failureRate) {

    /** Share of the population picked for inspection. */
    public double coverage() {
        return (double) sampled / populationSize;
    }
}

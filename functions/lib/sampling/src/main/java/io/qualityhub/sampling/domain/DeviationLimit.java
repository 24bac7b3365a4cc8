package io.qualityhub.sampling.domain;

import java.util.Optional;

/**
 * What an inspected stratum lets an auditor say: with {@code deviations} failures among {@code inspected} records,
 * the stratum's deviation rate is at most {@code upperLimit} at {@code confidence} ({@link
 * AttributeSampling#upperDeviationLimit}). A stratum inspected whole has its exact rate.
 */
public record DeviationLimit(int deviations, int inspected, int populationSize, double confidence,
                             double upperLimit) {

    /**
     * The limit for a stratum whose every sampled record has a result, at its plan's confidence; empty while results
     * are missing (the inspected part of a sample is not a random sample) or when the plan set no assurance.
     */
    public static Optional<DeviationLimit> of(StratumDraw draw, InspectionStatistics statistics) {
        Assurance assurance = draw.sizing().assurance();
        if (assurance == null || statistics.inspected() < statistics.sampled() || statistics.sampled() == 0) {
            return Optional.empty();
        }
        int deviations = statistics.inspected() - statistics.passed();
        return Optional.of(new DeviationLimit(deviations, statistics.inspected(), draw.populationSize(),
                assurance.confidence(), AttributeSampling.upperDeviationLimit(draw.populationSize(),
                statistics.inspected(), deviations, assurance.confidence())));
    }

    public boolean census() {
        return inspected == populationSize;
    }

    /** E.g. {@code 0 deviations in 59: at most 5% at 95%}, or {@code 1 deviation in 12 (all): exactly 8.3%}. */
    public String describe() {
        String counted = deviations + (deviations == 1 ? " deviation" : " deviations") + " in " + inspected;
        return census() ? counted + " (all): exactly " + Percent.of(upperLimit)
                : counted + ": at most " + Percent.ceiling(upperLimit) + " at " + Percent.of(confidence);
    }
}

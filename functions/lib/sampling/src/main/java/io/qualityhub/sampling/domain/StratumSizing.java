package io.qualityhub.sampling.domain;

import java.util.Objects;

/**
 * How a stratum's sample size came about, as the sample records it.
 *
 * @param rule      the part of the plan that set the size
 * @param minimum   the size the stratum needed at least: the assurance minimum, or the plan's fixed minimum
 * @param assurance the assurance the minimum gives, or {@code null} under a plan with fixed minimums
 */
public record StratumSizing(SizingRule rule, int minimum, Assurance assurance) {

    public StratumSizing {
        Objects.requireNonNull(rule, "rule");
        if (minimum < 1) {
            throw new IllegalArgumentException("a stratum's minimum size is at least 1, not " + minimum);
        }
    }

    /** E.g. {@code assurance: 59 for 95% confidence, 5% tolerable, 0% expected deviations}. */
    public String describe() {
        String base = rule.label() + ": minimum " + minimum;
        return assurance == null ? base + " (fixed)" : base + " for " + Percent.of(assurance.confidence())
                + " confidence, " + Percent.of(assurance.tolerableDeviationRate()) + " tolerable, "
                + Percent.of(assurance.expectedDeviationRate()) + " expected deviations";
    }
}

package io.qualityhub.sampling.domain;

import java.util.Objects;

/**
 * A reason to look at a record more closely.
 *
 * @param weight how many times more likely than a routine record of its stratum a record with only this reason is
 *               to be picked (before capping at certainty); see {@link RiskScorer} for several reasons together
 */
public record RiskRule(String id, String description, double weight, RiskCondition when) {

    public RiskRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(when, "when");
        if (!(weight >= 1)) {
            throw new IllegalArgumentException("risk rule " + id + " has weight " + weight
                    + "; weights are at least 1");
        }
    }
}

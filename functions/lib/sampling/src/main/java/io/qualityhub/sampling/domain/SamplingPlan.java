package io.qualityhub.sampling.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The versioned sampling plan: how each record type is sampled. Load it with {@link SamplingPlanLoader}.
 *
 * @param doubleScoringShare share of each period's tasks that a second, independent inspector also scores
 */
public record SamplingPlan(String version, Map<String, RecordTypePlan> recordTypes, double doubleScoringShare) {

    public static final double DEFAULT_DOUBLE_SCORING_SHARE = 0.10;

    public SamplingPlan {
        Objects.requireNonNull(version, "version");
        recordTypes = Map.copyOf(recordTypes);
        if (!(doubleScoringShare >= 0 && doubleScoringShare <= 1)) {
            throw new IllegalArgumentException("double-scoring share " + doubleScoringShare + " must be from 0 to 1");
        }
    }

    public Optional<RecordTypePlan> forType(String recordType) {
        return Optional.ofNullable(recordTypes.get(recordType));
    }

    /** The record types sampled in periods of this type, in name order. */
    public List<String> recordTypesSampled(PeriodType periodType) {
        return new TreeMap<>(recordTypes).values().stream()
                .filter(plan -> plan.period() == periodType)
                .map(RecordTypePlan::recordType)
                .toList();
    }

    /** Whether any rule weighs a repeat violator's records ({@link RiskCondition.RepeatViolator}). */
    public boolean weighsRepeatViolators() {
        return recordTypes.values().stream().flatMap(type -> type.riskRules().stream())
                .anyMatch(rule -> namesRepeatViolators(rule.when()));
    }

    private static boolean namesRepeatViolators(RiskCondition condition) {
        return switch (condition) {
            case RiskCondition.RepeatViolator ignored -> true;
            case RiskCondition.AllOf all -> all.conditions().stream().anyMatch(SamplingPlan::namesRepeatViolators);
            case RiskCondition.AnyOf any -> any.conditions().stream().anyMatch(SamplingPlan::namesRepeatViolators);
            default -> false;
        };
    }
}

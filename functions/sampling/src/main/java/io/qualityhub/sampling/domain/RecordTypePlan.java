package io.qualityhub.sampling.domain;

import java.util.List;
import java.util.Objects;

/**
 * How one record type is sampled.
 *
 * @param stratifyByProductLine strata are branch x type x product line instead of branch x type
 * @param team                  the inspection team whose task list receives this type's tasks
 * @param inspectionDueDays     tasks are due this many days after the period's last day
 */
public record RecordTypePlan(String recordType, PeriodType period, double baseRate, int minPerStratum,
                             int maxPerStratum, boolean stratifyByProductLine, String team, int inspectionDueDays,
                             List<RiskRule> riskRules) {

    public RecordTypePlan {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(team, "team");
        riskRules = List.copyOf(riskRules);
        if (!(baseRate > 0 && baseRate <= 1) || minPerStratum < 1 || maxPerStratum < minPerStratum
                || inspectionDueDays < 1) {
            throw new IllegalArgumentException("plan for " + recordType + " needs 0 < baseRate <= 1,"
                    + " 1 <= minPerStratum <= maxPerStratum and inspectionDueDays >= 1");
        }
    }

    /**
     * n = clamp(ceil(baseRate * N), min, max), never more than N: a stratum smaller than its minimum is taken
     * whole.
     */
    public int targetSampleSize(int populationSize) {
        long byRate = (long) Math.ceil(baseRate * populationSize);
        long clamped = Math.max(minPerStratum, Math.min(maxPerStratum, byRate));
        return (int) Math.min(populationSize, clamped);
    }
}

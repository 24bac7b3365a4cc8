package io.qualityhub.sampling.domain;

import java.util.List;
import java.util.Objects;

/**
 * How one record type is sampled.
 *
 * @param minPerStratum         a fixed floor on the size of each stratum (1 when the assurance sets the minimum)
 * @param stratifyByProductLine strata are branch x type x product line instead of branch x type
 * @param team                  the inspection team whose task list receives this type's tasks
 * @param inspectionDueDays     tasks are due this many days after the period's last day
 * @param assurance             what each stratum's sample must be able to state, which sets its minimum size; or
 *                              {@code null} for a plan written before assurance-based sizes (fixed minimums only)
 * @param effectivenessCheckDays a corrective action done on day D gets its effectiveness check due by D plus this
 */
public record RecordTypePlan(String recordType, PeriodType period, double baseRate, int minPerStratum,
                             int maxPerStratum, boolean stratifyByProductLine, String team, int inspectionDueDays,
                             List<RiskRule> riskRules, Assurance assurance, int effectivenessCheckDays) {

    /** Days from a corrective action done to its effectiveness check, when the plan does not say. */
    public static final int DEFAULT_EFFECTIVENESS_CHECK_DAYS = 30;

    public RecordTypePlan {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(team, "team");
        riskRules = List.copyOf(riskRules);
        if (!(baseRate > 0 && baseRate <= 1) || minPerStratum < 1 || maxPerStratum < minPerStratum
                || inspectionDueDays < 1 || effectivenessCheckDays < 1) {
            throw new IllegalArgumentException("plan for " + recordType + " needs 0 < baseRate <= 1,"
                    + " 1 <= minPerStratum <= maxPerStratum, inspectionDueDays >= 1 and effectivenessCheckDays >= 1");
        }
    }

    /**
     * n = min(N, max(minimum, min(maxPerStratum, ceil(baseRate * N)))), where the minimum is the larger of the
     * assurance's attribute-sampling size ({@link AttributeSampling#minimumSize}) and minPerStratum. The maximum caps
     * only the base rate, never the minimum: the assurance is what the policy asks of every stratum.
     */
    public StratumSize sizeFor(int populationSize) {
        int assured = assurance == null ? 0 : AttributeSampling.minimumSize(populationSize, assurance);
        int minimum = Math.max(assured, minPerStratum);
        long byRate = (long) Math.ceil(baseRate * populationSize);
        long capped = Math.min(maxPerStratum, byRate);
        int size = (int) Math.min(populationSize, Math.max(minimum, capped));
        SizingRule rule;
        if (size == populationSize) {
            rule = SizingRule.CENSUS;
        } else if (size == minimum) {
            rule = assured >= minPerStratum ? SizingRule.ASSURANCE : SizingRule.MINIMUM;
        } else {
            rule = capped < byRate ? SizingRule.MAXIMUM : SizingRule.BASE_RATE;
        }
        return new StratumSize(size, new StratumSizing(rule, minimum, assurance));
    }

    /** A stratum's sample size and how it came about. */
    public record StratumSize(int size, StratumSizing sizing) {
    }
}

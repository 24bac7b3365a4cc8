package io.qualityhub.sampling.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores the records of one stratum against their type's risk rules. A record's weight is 1 plus
 * {@code weight - 1} for each rule that applies: reasons add up rather than multiply, so two reasons of weight 3
 * make a weight of 5, which stays explainable and cannot explode.
 */
public final class RiskScorer {

    private final RecordTypePlan plan;
    private final PriorIncidents incidents;
    private final Map<RiskCondition.AboveStratumPercentile, BigDecimal> thresholds;

    private RiskScorer(RecordTypePlan plan, PriorIncidents incidents,
                       Map<RiskCondition.AboveStratumPercentile, BigDecimal> thresholds) {
        this.plan = plan;
        this.incidents = incidents;
        this.thresholds = thresholds;
    }

    /** @param stratumUnits every record of the stratum: percentile rules compare a record with these */
    public static RiskScorer forStratum(RecordTypePlan plan, Collection<SamplingUnit> stratumUnits,
                                        PriorIncidents incidents) {
        Map<RiskCondition.AboveStratumPercentile, BigDecimal> thresholds = new HashMap<>();
        for (RiskRule rule : plan.riskRules()) {
            collectThresholds(rule.when(), stratumUnits, thresholds);
        }
        return new RiskScorer(plan, incidents, thresholds);
    }

    public RiskScore score(SamplingUnit unit) {
        double weight = 1;
        List<String> reasons = new ArrayList<>();
        for (RiskRule rule : plan.riskRules()) {
            if (applies(rule.when(), unit)) {
                weight += rule.weight() - 1;
                reasons.add(rule.id());
            }
        }
        return new RiskScore(weight, reasons);
    }

    private boolean applies(RiskCondition condition, SamplingUnit unit) {
        return switch (condition) {
            case RiskCondition.AnyEquals c -> c.attributes().stream()
                    .anyMatch(name -> unit.attribute(name).filter(c.values()::contains).isPresent());
            case RiskCondition.TenureBelowMonths c -> {
                Optional<LocalDate> started = date(unit, c.startedOnAttribute());
                Optional<LocalDate> at = date(unit, c.atAttribute());
                yield started.isPresent() && at.isPresent() && at.get().isBefore(started.get().plusMonths(c.months()));
            }
            case RiskCondition.DaysBetweenAbove c -> {
                Optional<LocalDate> from = date(unit, c.fromAttribute());
                Optional<LocalDate> to = date(unit, c.toAttribute());
                yield from.isPresent() && to.isPresent() && ChronoUnit.DAYS.between(from.get(), to.get()) > c.days();
            }
            case RiskCondition.AboveStratumPercentile c -> {
                BigDecimal threshold = thresholds.get(c);
                Optional<BigDecimal> amount = amount(unit, c.attribute());
                yield threshold != null && amount.isPresent() && amount.get().compareTo(threshold) > 0;
            }
            case RiskCondition.StaffWithPriorIncidents c -> c.attributes().stream()
                    .anyMatch(name -> unit.attribute(name).filter(incidents::involves).isPresent());
            case RiskCondition.RepeatViolator c -> c.attributes().stream()
                    .anyMatch(name -> unit.attribute(name).filter(incidents::isRepeatViolator).isPresent());
            case RiskCondition.AllOf c -> c.conditions().stream().allMatch(part -> applies(part, unit));
            case RiskCondition.AnyOf c -> c.conditions().stream().anyMatch(part -> applies(part, unit));
        };
    }

    private static void collectThresholds(RiskCondition condition, Collection<SamplingUnit> units,
                                          Map<RiskCondition.AboveStratumPercentile, BigDecimal> thresholds) {
        switch (condition) {
            case RiskCondition.AboveStratumPercentile c ->
                    nearestRankPercentile(units, c).ifPresent(threshold -> thresholds.put(c, threshold));
            case RiskCondition.AllOf c -> c.conditions().forEach(part -> collectThresholds(part, units, thresholds));
            case RiskCondition.AnyOf c -> c.conditions().forEach(part -> collectThresholds(part, units, thresholds));
            default -> {
            }
        }
    }

    /**
     * Nearest-rank percentile: the smallest value with at least p% of the values at or below it. In a stratum of
     * fewer than 20 values the 95th percentile is the maximum, so nothing is "above" it: small strata have no outliers.
     */
    private static Optional<BigDecimal> nearestRankPercentile(Collection<SamplingUnit> units,
                                                              RiskCondition.AboveStratumPercentile condition) {
        List<BigDecimal> values = new ArrayList<>();
        for (SamplingUnit unit : units) {
            amount(unit, condition.attribute()).ifPresent(values::add);
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        values.sort(null);
        int rank = BigDecimal.valueOf(condition.percentile()).multiply(BigDecimal.valueOf(values.size()))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValueExact();
        return Optional.of(values.get(Math.max(1, Math.min(values.size(), rank)) - 1));
    }

    private static Optional<BigDecimal> amount(SamplingUnit unit, String attribute) {
        return unit.attribute(attribute).map(text -> {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new SamplingInputException("record " + unit.key() + ": attribute " + attribute
                        + " is not a decimal amount; pass amounts like 12500.00", e);
            }
        });
    }

    /** Accepts a date or an ISO timestamp; a timestamp counts on the local date written in it. */
    private static Optional<LocalDate> date(SamplingUnit unit, String attribute) {
        return unit.attribute(attribute).map(text -> {
            // Read by hand: DateTimeFormatter would dominate the time to score a million records.
            if (text.length() < 10 || (text.length() > 10 && text.charAt(10) != 'T') || text.charAt(4) != '-'
                    || text.charAt(7) != '-' || !digits(text, 0, 4) || !digits(text, 5, 7) || !digits(text, 8, 10)) {
                throw notADate(unit, attribute, null);
            }
            try {
                return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                        Integer.parseInt(text, 8, 10, 10));
            } catch (DateTimeException e) {
                throw notADate(unit, attribute, e);
            }
        });
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static SamplingInputException notADate(SamplingUnit unit, String attribute, DateTimeException cause) {
        return new SamplingInputException("record " + unit.key() + ": attribute " + attribute
                + " is not a date (YYYY-MM-DD) or ISO timestamp; pass it as stored by intake", cause);
    }
}

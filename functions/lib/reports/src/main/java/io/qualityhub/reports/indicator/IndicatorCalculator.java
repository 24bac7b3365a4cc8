package io.qualityhub.reports.indicator;

import io.qualityhub.reports.aggregate.BranchTallies;
import io.qualityhub.reports.aggregate.Gauge;
import io.qualityhub.reports.aggregate.GaugeReading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns a period's tallies (and the previous period's) into rated indicators with trends. */
public final class IndicatorCalculator {

    private final IndicatorTargets targets;

    public IndicatorCalculator(IndicatorTargets targets) {
        this.targets = targets;
    }

    /**
     * @param current       tallies per branch for the period
     * @param asOf          the date overdue items are judged against for the period
     * @param previous      tallies per branch for the previous period (empty map when none)
     * @param previousAsOf  the same date for the previous period
     */
    public IndicatorResults evaluate(Map<String, BranchTallies> current, LocalDate asOf,
                                     Map<String, BranchTallies> previous, LocalDate previousAsOf) {
        List<Indicator> company = evaluate(companyTallies(current.values()), asOf,
                previous.isEmpty() ? null : companyTallies(previous.values()), previousAsOf);
        Map<String, List<Indicator>> byBranch = new TreeMap<>();
        current.forEach((branch, tallies) ->
                byBranch.put(branch, evaluate(tallies, asOf, previous.get(branch), previousAsOf)));
        return new IndicatorResults(company, byBranch);
    }

    /** Indicators of one scope; {@code previous} may be null when there is no previous period. */
    public List<Indicator> evaluate(BranchTallies current, LocalDate asOf, BranchTallies previous,
                                    LocalDate previousAsOf) {
        List<Indicator> indicators = new ArrayList<>();
        for (IndicatorDefinition definition : IndicatorCatalogue.all()) {
            Measurement now = definition.measure().apply(new MeasureContext(current, asOf));
            Double before = previous == null ? null
                    : definition.measure().apply(new MeasureContext(previous, previousAsOf)).value();
            Optional<IndicatorTarget> target = targets.targetFor(definition);
            indicators.add(new Indicator(definition.id(), definition.nameEn(), definition.nameZh(), now.value(),
                    definition.unit(), target.map(IndicatorTarget::target).orElse(null),
                    RagStatus.rate(now.value(), target.orElse(null), definition.direction()), before,
                    Trend.of(now.value(), before, definition.direction(),
                            target.map(IndicatorTarget::trendTolerance).orElse(0.0)),
                    now.basis(), now.confidenceInterval(), now.numerator(), now.denominator()));
        }
        return indicators;
    }

    /** The value alone, for trend charts over several periods. */
    public static Double valueOf(IndicatorDefinition definition, BranchTallies tallies, LocalDate asOf) {
        return definition.measure().apply(new MeasureContext(tallies, asOf)).value();
    }

    /**
     * All branches added up. Gauges are levels per branch, so the company's level is the sum of
     * each branch's latest reading (dated by the latest of them), not the latest branch's reading.
     * A gauge no monitor run writes (policies in force) is the company's only when every branch
     * supplied it: one branch's complaints over another's policies would be no rate at all.
     */
    public static BranchTallies companyTallies(Collection<BranchTallies> branches) {
        BranchTallies merged = BranchTallies.empty();
        Map<Gauge, GaugeReading> summed = new EnumMap<>(Gauge.class);
        for (BranchTallies branch : branches) {
            merged = merged.merge(branch);
            branch.gauges().forEach((gauge, reading) -> summed.merge(gauge, reading,
                    (a, b) -> new GaugeReading(a.asOf().isAfter(b.asOf()) ? a.asOf() : b.asOf(), a.value() + b.value())));
        }
        summed.keySet().removeIf(gauge -> !gauge.fromMonitorRun()
                && branches.stream().anyMatch(branch -> branch.gauge(gauge) == null));
        return new BranchTallies(merged.counters(), merged.claimCycleTimes(), summed);
    }
}

package io.qualityhub.reports.report;

import io.qualityhub.reports.aggregate.AggregateSource;
import io.qualityhub.reports.aggregate.BranchTallies;
import io.qualityhub.reports.aggregate.DailyAggregate;
import io.qualityhub.reports.aggregate.GaugeLevels;
import io.qualityhub.reports.finding.Finding;
import io.qualityhub.reports.finding.FindingRules;
import io.qualityhub.reports.indicator.Indicator;
import io.qualityhub.reports.indicator.IndicatorCalculator;
import io.qualityhub.reports.indicator.IndicatorCatalogue;
import io.qualityhub.reports.indicator.IndicatorDefinition;
import io.qualityhub.reports.indicator.IndicatorResults;
import io.qualityhub.reports.indicator.IndicatorTargets;
import io.qualityhub.reports.indicator.RagStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Builds a report from stored aggregates: one read of the aggregates spanning the trend periods,
 * no record scanned. Cost grows with files and branches, not with records.
 *
 * <p>One builder serves one report order, whose source gives the same aggregates for the same span: the
 * order's reports (the company's and one per branch) share its tallies and every branch's indicators,
 * computed once per period, trend span and "as of" (issue 16), not once per report.
 */
public final class ReportBuilder {

    private final AggregateSource source;
    private final IndicatorCalculator calculator;
    private final FindingRules rules;
    private final Map<EvaluationKey, Evaluation> evaluations = new HashMap<>();

    private record EvaluationKey(ReportPeriod period, int trendPeriods, LocalDate asOf) {}

    /** What every report of an order reads: each trend period's tallies by branch, and the indicators of them all. */
    private record Evaluation(List<ReportPeriod> periods, Map<ReportPeriod, Map<String, BranchTallies>> tallies,
                              IndicatorResults results) {}

    public ReportBuilder(AggregateSource source, IndicatorTargets targets, FindingRules rules) {
        this.source = source;
        this.calculator = new IndicatorCalculator(targets);
        this.rules = rules;
    }

    public QualityReport build(ReportRequest request) {
        Evaluation evaluation = evaluations.computeIfAbsent(
                new EvaluationKey(request.period(), request.trendPeriods(), request.asOf()), this::evaluate);
        List<ReportPeriod> periods = evaluation.periods();
        Map<ReportPeriod, Map<String, BranchTallies>> tallies = evaluation.tallies();
        IndicatorResults results = evaluation.results();
        ReportPeriod current = request.period();
        ReportPeriod previous = current.previous();

        Predicate<String> inTopic = id -> request.special().map(s -> s.topic().covers(id)).orElse(true);
        ReportScope scope = request.scope();
        List<Indicator> own = scope.isCompany() ? results.company()
                : results.byBranch().getOrDefault(scope.branch(), noDataFor(request, tallies.get(previous)));
        Map<String, List<Indicator>> branches = new TreeMap<>();
        if (scope.isCompany()) {
            results.byBranch().forEach((branch, indicators) -> branches.put(branch, only(indicators, inTopic)));
        }
        List<Finding> findings = rules.findings(results, scope, request.recordsBehind()).stream()
                .filter(finding -> inTopic.test(finding.indicatorId())).toList();

        String comparisonId = request.special().map(s -> s.topic().comparisonIndicator())
                .orElse(ReportTopic.DEFAULT_COMPARISON);
        List<String> trendIds = request.special().map(s -> s.topic().trendIndicators())
                .orElse(ReportTopic.DEFAULT_TRENDS);
        return new QualityReport(current, previous, scope, request.asOf(), request.generatedAt(),
                only(own, inTopic), branches, trends(trendIds, periods, tallies, request),
                comparison(comparisonId, results, request), renumber(findings), request.special(),
                request.branchNames(), request.samples(), request.branchNamesEn(), request.revisions());
    }

    private Evaluation evaluate(EvaluationKey key) {
        List<ReportPeriod> periods = periodsEndingWith(key.period(), key.trendPeriods());
        Map<ReportPeriod, Map<String, BranchTallies>> tallies = talliesByPeriod(periods);
        ReportPeriod previous = key.period().previous();
        return new Evaluation(periods, tallies, calculator.evaluate(tallies.get(key.period()), key.asOf(),
                tallies.get(previous), previous.endInclusive()));
    }

    private List<Indicator> noDataFor(ReportRequest request, Map<String, BranchTallies> previous) {
        return calculator.evaluate(BranchTallies.empty(), request.asOf(),
                previous.get(request.scope().branch()), request.period().previous().endInclusive());
    }

    private static List<ReportPeriod> periodsEndingWith(ReportPeriod last, int count) {
        List<ReportPeriod> periods = new ArrayList<>();
        ReportPeriod period = last;
        for (int i = 0; i < count; i++) {
            periods.add(period);
            period = period.previous();
        }
        Collections.reverse(periods);
        return periods;
    }

    private Map<ReportPeriod, Map<String, BranchTallies>> talliesByPeriod(List<ReportPeriod> periods) {
        LocalDate from = periods.getFirst().start();
        LocalDate to = periods.getLast().endInclusive();
        Map<ReportPeriod, List<DailyAggregate>> grouped = new TreeMap<>((a, b) -> a.start().compareTo(b.start()));
        periods.forEach(period -> grouped.put(period, new ArrayList<>()));
        for (DailyAggregate aggregate : source.aggregatesBetween(from, to)) {
            LocalDate date = aggregate.key().businessDate();
            periods.stream().filter(period -> period.contains(date)).findFirst()
                    .ifPresent(period -> grouped.get(period).add(aggregate));
        }
        Map<ReportPeriod, Map<String, BranchTallies>> combined = new TreeMap<>((a, b) -> a.start().compareTo(b.start()));
        grouped.forEach((period, aggregates) -> combined.put(period,
                GaugeLevels.asOfLatestRun(DailyAggregate.combineByBranch(aggregates))));
        return combined;
    }

    private static List<TrendSeries> trends(List<String> ids, List<ReportPeriod> periods,
                                            Map<ReportPeriod, Map<String, BranchTallies>> tallies,
                                            ReportRequest request) {
        List<TrendSeries> series = new ArrayList<>();
        for (String id : ids) {
            IndicatorDefinition definition = IndicatorCatalogue.require(id);
            List<TrendSeries.Point> points = new ArrayList<>();
            for (ReportPeriod period : periods) {
                LocalDate asOf = period.equals(request.period()) ? request.asOf() : period.endInclusive();
                points.add(new TrendSeries.Point(period.label(),
                        IndicatorCalculator.valueOf(definition, scopeTallies(tallies.get(period), request.scope()), asOf)));
            }
            series.add(new TrendSeries(id, definition.nameEn(), definition.nameZh(), definition.unit(), points));
        }
        return series;
    }

    private static BranchTallies scopeTallies(Map<String, BranchTallies> byBranch, ReportScope scope) {
        return scope.isCompany() ? IndicatorCalculator.companyTallies(byBranch.values())
                : byBranch.getOrDefault(scope.branch(), BranchTallies.empty());
    }

    /** Every branch in a company report; in a branch report only the branch against the company. */
    private static Comparison comparison(String id, IndicatorResults results, ReportRequest request) {
        IndicatorDefinition definition = IndicatorCatalogue.require(id);
        List<Comparison.Bar> bars = new ArrayList<>();
        Indicator company = IndicatorResults.find(results.company(), id).orElseThrow();
        if (request.scope().isCompany()) {
            results.byBranch().forEach((branch, indicators) -> IndicatorResults.find(indicators, id)
                    .ifPresent(indicator -> bars.add(new Comparison.Bar(branch, indicator.value(), indicator.status()))));
        } else {
            String branch = request.scope().branch();
            IndicatorResults.find(results.byBranch().getOrDefault(branch, List.of()), id)
                    .ifPresentOrElse(indicator -> bars.add(new Comparison.Bar(branch, indicator.value(), indicator.status())),
                            () -> bars.add(new Comparison.Bar(branch, null, RagStatus.NO_DATA)));
            bars.add(new Comparison.Bar("company", company.value(), company.status()));
        }
        return new Comparison(id, definition.nameEn(), definition.nameZh(), definition.unit(), company.target(), bars);
    }

    private static List<Indicator> only(List<Indicator> indicators, Predicate<String> inTopic) {
        return indicators.stream().filter(indicator -> inTopic.test(indicator.id())).toList();
    }

    /** Ranks restart at 1 after a topic filter removed some findings. */
    private static List<Finding> renumber(List<Finding> findings) {
        List<Finding> ranked = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            ranked.add(findings.get(i).withRank(i + 1));
        }
        return ranked;
    }
}

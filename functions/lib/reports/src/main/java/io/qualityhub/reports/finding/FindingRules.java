package io.qualityhub.reports.finding;

import io.qualityhub.reports.indicator.Direction;
import io.qualityhub.reports.indicator.Indicator;
import io.qualityhub.reports.indicator.IndicatorCatalogue;
import io.qualityhub.reports.indicator.IndicatorDefinition;
import io.qualityhub.reports.indicator.IndicatorResults;
import io.qualityhub.reports.indicator.RagStatus;
import io.qualityhub.reports.indicator.Trend;
import io.qualityhub.reports.render.Numbers;
import io.qualityhub.reports.report.ReportScope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns indicators into a ranked list of findings. Three rules:
 * <ul>
 *   <li>BELOW_TARGET: a RED indicator scores 100 + min(100, 100 x relative gap), an AMBER one
 *       50 + min(50, 100 x relative gap), where relative gap = |value - target| / max(|target|, 1).</li>
 *   <li>WORSENING_TREND: a worsening indicator scores 20 + min(30, 100 x |change| / max(|previous|, 1)).</li>
 *   <li>OUTLIER_BRANCH: a branch whose value lies more than {@code outlierZ} robust z-scores from
 *       the median of the branches, on the bad side, scores 40 + min(40, 5 x |z|). Robust z =
 *       (value - median) / (1.4826 x median absolute deviation); needs {@code minBranches} branches
 *       with a value and a deviation above zero.</li>
 * </ul>
 * Ties sort by scope (company first), indicator id and kind, so the ranking is deterministic.
 */
public final class FindingRules {

    private static final double MAD_TO_SIGMA = 1.4826;

    private final double outlierZ;
    private final int minBranches;

    public FindingRules(double outlierZ, int minBranches) {
        if (outlierZ <= 0 || minBranches < 3) {
            throw new IllegalArgumentException("outlierZ must be > 0 and minBranches >= 3");
        }
        this.outlierZ = outlierZ;
        this.minBranches = minBranches;
    }

    public static FindingRules standard() {
        return new FindingRules(2.0, 3);
    }

    /**
     * Findings for a company report: the company's own indicators plus outlier branches. For a
     * branch report: that branch's indicators, and whether it is an outlier among all branches (the
     * other branches' values are used but never named).
     */
    public List<Finding> findings(IndicatorResults results, ReportScope scope) {
        List<Finding> found = new ArrayList<>();
        List<Indicator> own = scope.isCompany() ? results.company() : results.byBranch().getOrDefault(scope.branch(), List.of());
        for (Indicator indicator : own) {
            IndicatorDefinition definition = IndicatorCatalogue.require(indicator.id());
            belowTarget(indicator, definition, scope, found);
            worsening(indicator, definition, scope, found);
        }
        outliers(results.byBranch(), scope, found);
        found.sort(Comparator.comparingDouble(Finding::score).reversed()
                .thenComparing(finding -> finding.scope().isCompany() ? "" : finding.scope().branch())
                .thenComparing(Finding::indicatorId)
                .thenComparing(Finding::kind));
        List<Finding> ranked = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            ranked.add(found.get(i).withRank(i + 1));
        }
        return ranked;
    }

    private static void belowTarget(Indicator indicator, IndicatorDefinition definition, ReportScope scope,
                                    List<Finding> found) {
        if (indicator.status() != RagStatus.RED && indicator.status() != RagStatus.AMBER) {
            return;
        }
        double gap = Math.abs(indicator.value() - indicator.target()) / Math.max(Math.abs(indicator.target()), 1);
        boolean red = indicator.status() == RagStatus.RED;
        boolean lowerIsBetter = definition.direction() == Direction.LOWER_IS_BETTER;
        double score = red ? 100 + Math.min(100, 100 * gap) : 50 + Math.min(50, 100 * gap);
        String where = where(scope);
        String value = Numbers.withUnit(indicator.value(), indicator.unit());
        String target = Numbers.withUnit(indicator.target(), indicator.unit());
        String valueZh = Numbers.withUnitZh(indicator.value(), indicator.unit());
        String targetZh = Numbers.withUnitZh(indicator.target(), indicator.unit());
        found.add(new Finding(0, Finding.Kind.BELOW_TARGET, red ? Finding.Severity.HIGH : Finding.Severity.MEDIUM, score,
                scope, indicator.id(),
                definition.nameEn() + (lowerIsBetter ? " above target" : " below target") + where,
                whereZh(scope) + definition.nameZh() + (lowerIsBetter ? "高於目標" : "未達目標"),
                definition.nameEn() + " is " + value + " against a target of " + (lowerIsBetter ? "at most " : "at least ")
                        + target + " (" + indicator.status() + ").",
                definition.nameZh() + "為 " + valueZh + ",目標為" + (lowerIsBetter ? "不高於 " : "不低於 ") + targetZh + "。",
                definition.suggestedActionEn(), definition.suggestedActionZh()));
    }

    private static void worsening(Indicator indicator, IndicatorDefinition definition, ReportScope scope,
                                  List<Finding> found) {
        if (indicator.trend() != Trend.WORSENING) {
            return;
        }
        double change = Math.abs(indicator.value() - indicator.previousValue());
        double score = 20 + Math.min(30, 100 * change / Math.max(Math.abs(indicator.previousValue()), 1));
        String now = Numbers.withUnit(indicator.value(), indicator.unit());
        String before = Numbers.withUnit(indicator.previousValue(), indicator.unit());
        String nowZh = Numbers.withUnitZh(indicator.value(), indicator.unit());
        String beforeZh = Numbers.withUnitZh(indicator.previousValue(), indicator.unit());
        found.add(new Finding(0, Finding.Kind.WORSENING_TREND, Finding.Severity.LOW, score, scope, indicator.id(),
                definition.nameEn() + " worsening" + where(scope),
                whereZh(scope) + definition.nameZh() + "較上期惡化",
                definition.nameEn() + " went from " + before + " to " + now + " since the previous period.",
                definition.nameZh() + "由上期 " + beforeZh + " 變為 " + nowZh + "。",
                definition.suggestedActionEn(), definition.suggestedActionZh()));
    }

    private void outliers(Map<String, List<Indicator>> byBranch, ReportScope scope, List<Finding> found) {
        for (IndicatorDefinition definition : IndicatorCatalogue.all()) {
            List<String> branches = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            byBranch.forEach((branch, indicators) -> IndicatorResults.find(indicators, definition.id())
                    .filter(indicator -> indicator.value() != null)
                    .ifPresent(indicator -> {
                        branches.add(branch);
                        values.add(indicator.value());
                    }));
            if (values.size() < minBranches) {
                continue;
            }
            double median = median(values.stream().mapToDouble(Double::doubleValue).toArray());
            double mad = median(values.stream().mapToDouble(v -> Math.abs(v - median)).toArray());
            if (mad == 0) {
                continue;
            }
            for (int i = 0; i < values.size(); i++) {
                String branch = branches.get(i);
                if (!scope.isCompany() && !branch.equals(scope.branch())) {
                    continue;
                }
                double z = (values.get(i) - median) / (MAD_TO_SIGMA * mad);
                boolean bad = definition.direction() == Direction.HIGHER_IS_BETTER ? z < -outlierZ : z > outlierZ;
                if (bad) {
                    found.add(outlier(definition, ReportScope.branch(branch), values.get(i), median, z));
                }
            }
        }
    }

    private static Finding outlier(IndicatorDefinition definition, ReportScope branch, double value, double median,
                                   double z) {
        String shown = Numbers.withUnit(value, definition.unit());
        String typical = Numbers.withUnit(median, definition.unit());
        String shownZh = Numbers.withUnitZh(value, definition.unit());
        String typicalZh = Numbers.withUnitZh(median, definition.unit());
        String zText = Numbers.format(Math.abs(z), 1);
        return new Finding(0, Finding.Kind.OUTLIER_BRANCH, Finding.Severity.MEDIUM, 40 + Math.min(40, 5 * Math.abs(z)),
                branch, definition.id(),
                definition.nameEn() + " out of line with other branches" + where(branch),
                whereZh(branch) + definition.nameZh() + "明顯偏離其他分公司",
                definition.nameEn() + " is " + shown + " where the median branch has " + typical + " (" + zText
                        + " robust standard deviations away).",
                definition.nameZh() + "為 " + shownZh + ",各分公司中位數為 " + typicalZh + "(偏離 " + zText + " 個穩健標準差)。",
                definition.suggestedActionEn(), definition.suggestedActionZh());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String where(ReportScope scope) {
        return scope.isCompany() ? "" : " at " + scope.branch();
    }

    private static String whereZh(ReportScope scope) {
        return scope.isCompany() ? "全公司" : scope.branch() + " ";
    }
}

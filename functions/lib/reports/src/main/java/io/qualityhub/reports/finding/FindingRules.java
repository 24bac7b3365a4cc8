package io.qualityhub.reports.finding;

import io.qualityhub.reports.indicator.Direction;
import io.qualityhub.reports.indicator.Indicator;
import io.qualityhub.reports.indicator.IndicatorCatalogue;
import io.qualityhub.reports.indicator.IndicatorDefinition;
import io.qualityhub.reports.indicator.IndicatorResults;
import io.qualityhub.reports.indicator.RagStatus;
import io.qualityhub.reports.indicator.Trend;
import io.qualityhub.reports.render.Numbers;
import io.qualityhub.reports.report.ProblemItem;
import io.qualityhub.reports.report.ReportScope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * Each finding follows the data (issue 13 item 7):
 * <ul>
 *   <li>it names what drives it: its counts, in a company finding the branches behind it (below target or worsening
 *       themselves, worst first), and the ids of the records behind it where the files named them;</li>
 *   <li>its advice never contradicts the data: a branch that meets its target is no outlier, and an indicator that
 *       worsened but still meets its target is advised to be watched, not corrected;</li>
 *   <li>near-duplicates are one finding: an indicator below target and worsening is one finding (below target, which
 *       says it worsened), and findings of one scope and kind with the same advice (the coverage of two inspection
 *       types, say) are grouped into the highest-scoring one, which lists the others.</li>
 * </ul>
 * Ties sort by scope (company first), indicator id and kind, so the ranking is deterministic.
 */
public final class FindingRules {

    /** Record ids a finding carries; the count says how many there are in all. */
    public static final int MAX_RECORD_IDS = 20;
    /** Branches and record ids a finding's text names; the JSON carries the rest. */
    private static final int NAMED_IN_TEXT = 5;
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

    /** Findings without record ids: see {@link #findings(IndicatorResults, ReportScope, List)}. */
    public List<Finding> findings(IndicatorResults results, ReportScope scope) {
        return findings(results, scope, List.of());
    }

    /**
     * Findings for a company report: the company's own indicators plus outlier branches. For a
     * branch report: that branch's indicators, and whether it is an outlier among all branches (the
     * other branches' values are used but never named).
     *
     * @param recordsBehind the problem items of the report's period and scope ({@link ProblemItem#indicatorId()} says
     *                      which indicator each falls short on); in a company report qualified with their branch
     */
    public List<Finding> findings(IndicatorResults results, ReportScope scope, List<ProblemItem> recordsBehind) {
        List<Finding> found = new ArrayList<>();
        List<Indicator> own = scope.isCompany() ? results.company() : results.byBranch().getOrDefault(scope.branch(), List.of());
        for (Indicator indicator : own) {
            IndicatorDefinition definition = IndicatorCatalogue.require(indicator.id());
            Optional<Finding> below = belowTarget(indicator, definition, scope, results.byBranch());
            Optional<Finding> worse = worsening(indicator, definition, scope, results.byBranch());
            if (below.isPresent()) {
                found.add(worse.isPresent() ? alsoWorsened(below.get(), indicator) : below.get());
            } else {
                worse.ifPresent(found::add);
            }
        }
        outliers(results.byBranch(), scope, found);
        found.sort(RANKING);
        List<Finding> grouped = new ArrayList<>();
        for (Finding finding : groupedByAdvice(found)) {
            grouped.add(withRecords(finding, scope, recordsBehind));
        }
        grouped.sort(RANKING);
        List<Finding> ranked = new ArrayList<>(grouped.size());
        for (int i = 0; i < grouped.size(); i++) {
            ranked.add(grouped.get(i).withRank(i + 1));
        }
        return ranked;
    }

    private static final Comparator<Finding> RANKING = Comparator.comparingDouble(Finding::score).reversed()
            .thenComparing(finding -> finding.scope().isCompany() ? "" : finding.scope().branch())
            .thenComparing(Finding::indicatorId)
            .thenComparing(Finding::kind);

    private static Optional<Finding> belowTarget(Indicator indicator, IndicatorDefinition definition, ReportScope scope,
                                                 Map<String, List<Indicator>> byBranch) {
        if (indicator.status() != RagStatus.RED && indicator.status() != RagStatus.AMBER) {
            return Optional.empty();
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
        List<Driver> drivers = scope.isCompany() ? driversBelowTarget(byBranch, indicator.id()) : List.of();
        return Optional.of(new Finding(0, Finding.Kind.BELOW_TARGET, red ? Finding.Severity.HIGH : Finding.Severity.MEDIUM,
                score, scope, indicator.id(),
                definition.nameEn() + (lowerIsBetter ? " above target" : " below target") + where,
                whereZh(scope) + definition.nameZh() + (lowerIsBetter ? "高於目標" : "未達目標"),
                definition.nameEn() + " is " + value + countsEn(indicator) + " against a target of "
                        + (lowerIsBetter ? "at most " : "at least ") + target + " (" + indicator.status() + ")."
                        + driversEn(drivers),
                definition.nameZh() + "為 " + valueZh + countsZh(indicator) + ",目標為" + (lowerIsBetter ? "不高於 " : "不低於 ")
                        + targetZh + "。" + driversZh(drivers),
                definition.suggestedActionEn(), definition.suggestedActionZh(), drivers, List.of(), 0, List.of()));
    }

    /** Below target and worse than before: one finding, which says both. */
    private static Finding alsoWorsened(Finding below, Indicator indicator) {
        String before = Numbers.withUnit(indicator.previousValue(), indicator.unit());
        String beforeZh = Numbers.withUnitZh(indicator.previousValue(), indicator.unit());
        return new Finding(0, below.kind(), below.severity(), below.score(), below.scope(), below.indicatorId(),
                below.titleEn() + ", worsening", below.titleZh() + ",且較上期惡化",
                below.detailEn() + " It was " + before + " in the previous period.",
                below.detailZh() + "上期為 " + beforeZh + "。",
                below.suggestedActionEn(), below.suggestedActionZh(), below.drivers(), List.of(), 0, List.of());
    }

    private static Optional<Finding> worsening(Indicator indicator, IndicatorDefinition definition, ReportScope scope,
                                               Map<String, List<Indicator>> byBranch) {
        if (indicator.trend() != Trend.WORSENING) {
            return Optional.empty();
        }
        double change = Math.abs(indicator.value() - indicator.previousValue());
        double score = 20 + Math.min(30, 100 * change / Math.max(Math.abs(indicator.previousValue()), 1));
        String now = Numbers.withUnit(indicator.value(), indicator.unit());
        String before = Numbers.withUnit(indicator.previousValue(), indicator.unit());
        String nowZh = Numbers.withUnitZh(indicator.value(), indicator.unit());
        String beforeZh = Numbers.withUnitZh(indicator.previousValue(), indicator.unit());
        List<Driver> drivers = scope.isCompany() ? driversWorsening(byBranch, indicator.id()) : List.of();
        boolean withinTarget = indicator.status() == RagStatus.GREEN;
        String target = Numbers.withUnit(indicator.target(), indicator.unit());
        String targetZh = Numbers.withUnitZh(indicator.target(), indicator.unit());
        boolean lowerIsBetter = definition.direction() == Direction.LOWER_IS_BETTER;
        return Optional.of(new Finding(0, Finding.Kind.WORSENING_TREND, Finding.Severity.LOW, score, scope, indicator.id(),
                definition.nameEn() + " worsening" + where(scope),
                whereZh(scope) + definition.nameZh() + "較上期惡化",
                definition.nameEn() + " went from " + before + " to " + now + countsEn(indicator)
                        + " since the previous period." + driversEn(drivers),
                definition.nameZh() + "由上期 " + beforeZh + " 變為 " + nowZh + countsZh(indicator) + "。" + driversZh(drivers),
                // Corrective advice would contradict a figure that still meets its target.
                withinTarget ? "Still within its target of " + (lowerIsBetter ? "at most " : "at least ") + target
                        + ": watch it next period and act if it falls short." : definition.suggestedActionEn(),
                withinTarget ? "仍符合目標(" + (lowerIsBetter ? "不高於 " : "不低於 ") + targetZh + "):下期持續觀察,未達目標時再行改善。"
                        : definition.suggestedActionZh(),
                drivers, List.of(), 0, List.of()));
    }

    private void outliers(Map<String, List<Indicator>> byBranch, ReportScope scope, List<Finding> found) {
        for (IndicatorDefinition definition : IndicatorCatalogue.all()) {
            List<String> branches = new ArrayList<>();
            List<Indicator> values = new ArrayList<>();
            byBranch.forEach((branch, indicators) -> IndicatorResults.find(indicators, definition.id())
                    .filter(indicator -> indicator.value() != null)
                    .ifPresent(indicator -> {
                        branches.add(branch);
                        values.add(indicator);
                    }));
            if (values.size() < minBranches) {
                continue;
            }
            double median = median(values.stream().mapToDouble(Indicator::value).toArray());
            double mad = median(values.stream().mapToDouble(v -> Math.abs(v.value() - median)).toArray());
            if (mad == 0) {
                continue;
            }
            for (int i = 0; i < values.size(); i++) {
                String branch = branches.get(i);
                Indicator indicator = values.get(i);
                // A branch that meets its target is told nothing needs fixing, whatever its peers do.
                if (!scope.isCompany() && !branch.equals(scope.branch()) || indicator.status() == RagStatus.GREEN) {
                    continue;
                }
                double z = (indicator.value() - median) / (MAD_TO_SIGMA * mad);
                boolean bad = definition.direction() == Direction.HIGHER_IS_BETTER ? z < -outlierZ : z > outlierZ;
                if (bad) {
                    found.add(outlier(definition, ReportScope.branch(branch), indicator, median, z));
                }
            }
        }
    }

    private static Finding outlier(IndicatorDefinition definition, ReportScope branch, Indicator indicator,
                                   double median, double z) {
        String shown = Numbers.withUnit(indicator.value(), definition.unit());
        String typical = Numbers.withUnit(median, definition.unit());
        String shownZh = Numbers.withUnitZh(indicator.value(), definition.unit());
        String typicalZh = Numbers.withUnitZh(median, definition.unit());
        String zText = Numbers.format(Math.abs(z), 1);
        return new Finding(0, Finding.Kind.OUTLIER_BRANCH, Finding.Severity.MEDIUM, 40 + Math.min(40, 5 * Math.abs(z)),
                branch, definition.id(),
                definition.nameEn() + " out of line with other branches" + where(branch),
                whereZh(branch) + definition.nameZh() + "明顯偏離其他分公司",
                definition.nameEn() + " is " + shown + countsEn(indicator) + " where the median branch has " + typical
                        + " (" + zText + " robust standard deviations away).",
                definition.nameZh() + "為 " + shownZh + countsZh(indicator) + ",各分公司中位數為 " + typicalZh + "(偏離 "
                        + zText + " 個穩健標準差)。",
                definition.suggestedActionEn(), definition.suggestedActionZh(), List.of(), List.of(), 0, List.of());
    }

    /** Findings of one scope and kind with the same advice, in ranking order, grouped into the first of them. */
    private static List<Finding> groupedByAdvice(List<Finding> ranked) {
        Map<List<Object>, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : ranked) {
            groups.computeIfAbsent(List.of(finding.scope().label(), finding.kind(), finding.suggestedActionEn()),
                    key -> new ArrayList<>()).add(finding);
        }
        List<Finding> grouped = new ArrayList<>();
        for (List<Finding> group : groups.values()) {
            Finding lead = group.getFirst();
            if (group.size() == 1) {
                grouped.add(lead);
                continue;
            }
            List<Finding> others = group.subList(1, group.size());
            StringBuilder detailEn = new StringBuilder(lead.detailEn());
            StringBuilder detailZh = new StringBuilder(lead.detailZh());
            others.forEach(other -> {
                detailEn.append(" Also: ").append(other.detailEn());
                detailZh.append("另:").append(other.detailZh());
            });
            grouped.add(new Finding(0, lead.kind(), lead.severity(), lead.score(), lead.scope(), lead.indicatorId(),
                    lead.titleEn() + " (and " + others.size() + " more with the same advice)",
                    lead.titleZh() + "(另 " + others.size() + " 項建議相同)",
                    detailEn.toString(), detailZh.toString(), lead.suggestedActionEn(), lead.suggestedActionZh(),
                    lead.drivers(), List.of(), 0, others.stream().map(Finding::indicatorId).toList()));
        }
        return grouped;
    }

    /**
     * The records behind a finding: those of its indicators, and in a company report, for a branch's finding, only that
     * branch's (the company-wide list qualifies each id with its branch).
     */
    private static Finding withRecords(Finding finding, ReportScope reportScope, List<ProblemItem> recordsBehind) {
        List<String> indicators = new ArrayList<>(finding.alsoIndicatorIds());
        indicators.add(finding.indicatorId());
        String branchPrefix = reportScope.isCompany() && !finding.scope().isCompany() ? finding.scope().branch() + ":" : "";
        List<String> ids = recordsBehind.stream()
                .filter(item -> item.indicatorId().filter(indicators::contains).isPresent())
                .map(ProblemItem::itemId)
                .filter(id -> id.startsWith(branchPrefix))
                .distinct().sorted().toList();
        if (ids.isEmpty()) {
            return finding;
        }
        String shown = String.join(", ", ids.subList(0, Math.min(NAMED_IN_TEXT, ids.size())));
        String shownZh = String.join("、", ids.subList(0, Math.min(NAMED_IN_TEXT, ids.size())));
        int more = ids.size() - Math.min(NAMED_IN_TEXT, ids.size());
        return new Finding(0, finding.kind(), finding.severity(), finding.score(), finding.scope(), finding.indicatorId(),
                finding.titleEn(), finding.titleZh(),
                finding.detailEn() + " Records: " + shown + (more > 0 ? " and " + more + " more" : "") + ".",
                finding.detailZh() + "案件:" + shownZh + (more > 0 ? " 等 " + ids.size() + " 件" : "") + "。",
                finding.suggestedActionEn(), finding.suggestedActionZh(), finding.drivers(),
                ids.subList(0, Math.min(MAX_RECORD_IDS, ids.size())), ids.size(), finding.alsoIndicatorIds());
    }

    /** The branches below target themselves: red first, then by how far they fall short, then by code. */
    private static List<Driver> driversBelowTarget(Map<String, List<Indicator>> byBranch, String indicatorId) {
        List<Driver> drivers = new ArrayList<>();
        byBranch.forEach((branch, indicators) -> IndicatorResults.find(indicators, indicatorId)
                .filter(indicator -> indicator.status() == RagStatus.RED || indicator.status() == RagStatus.AMBER)
                .ifPresent(indicator -> drivers.add(Driver.of(branch, indicator))));
        Map<String, Double> gaps = new java.util.HashMap<>();
        byBranch.forEach((branch, indicators) -> IndicatorResults.find(indicators, indicatorId)
                .filter(indicator -> indicator.value() != null && indicator.target() != null)
                .ifPresent(indicator -> gaps.put(branch, Math.abs(indicator.value() - indicator.target()))));
        drivers.sort(Comparator.comparing((Driver driver) -> driver.status() != RagStatus.RED)
                .thenComparing(driver -> -gaps.get(driver.branch()))
                .thenComparing(Driver::branch));
        return drivers;
    }

    /** The branches whose own figure worsened, by how much it changed, then by code. */
    private static List<Driver> driversWorsening(Map<String, List<Indicator>> byBranch, String indicatorId) {
        List<Driver> drivers = new ArrayList<>();
        Map<String, Double> changes = new java.util.HashMap<>();
        byBranch.forEach((branch, indicators) -> IndicatorResults.find(indicators, indicatorId)
                .filter(indicator -> indicator.trend() == Trend.WORSENING)
                .ifPresent(indicator -> {
                    drivers.add(Driver.of(branch, indicator));
                    changes.put(branch, Math.abs(indicator.value() - indicator.previousValue()));
                }));
        drivers.sort(Comparator.comparing((Driver driver) -> -changes.get(driver.branch())).thenComparing(Driver::branch));
        return drivers;
    }

    private static String driversEn(List<Driver> drivers) {
        if (drivers.isEmpty()) {
            return "";
        }
        int named = Math.min(NAMED_IN_TEXT, drivers.size());
        return " Behind it: " + String.join(", ", drivers.subList(0, named).stream().map(Driver::textEn).toList())
                + (drivers.size() > named ? " and " + (drivers.size() - named) + " more branches" : "") + ".";
    }

    private static String driversZh(List<Driver> drivers) {
        if (drivers.isEmpty()) {
            return "";
        }
        int named = Math.min(NAMED_IN_TEXT, drivers.size());
        return "主要來源:" + String.join("、", drivers.subList(0, named).stream().map(Driver::textZh).toList())
                + (drivers.size() > named ? " 等 " + drivers.size() + " 家分公司" : "") + "。";
    }

    private static String countsEn(Indicator indicator) {
        return Driver.countsEn(indicator.numerator(), indicator.denominator(), indicator.unit());
    }

    private static String countsZh(Indicator indicator) {
        return Driver.countsZh(indicator.numerator(), indicator.denominator(), indicator.unit());
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

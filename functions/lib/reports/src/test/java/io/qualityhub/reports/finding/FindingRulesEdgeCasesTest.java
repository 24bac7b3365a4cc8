package io.qualityhub.reports.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.reports.indicator.Indicator;
import io.qualityhub.reports.indicator.IndicatorResults;
import io.qualityhub.reports.indicator.RagStatus;
import io.qualityhub.reports.indicator.Trend;
import io.qualityhub.reports.indicator.Unit;
import io.qualityhub.reports.report.ProblemItem;
import io.qualityhub.reports.report.ReportScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The branches named behind a finding and their order, outliers among exactly the minimum of branches (some without
 * a value), lower-is-better outliers, and which records a branch's finding in a company report lists.
 */
class FindingRulesEdgeCasesTest {

    private static final String ON_TIME = "claims.settled_on_time_pct";
    private static final String COMPLAINTS = "complaints.per_10k_policies";

    @Test
    void anOutlierThresholdOfZeroIsRefused() {
        assertEquals("outlierZ must be > 0 and minBranches >= 3",
                assertThrows(IllegalArgumentException.class, () -> new FindingRules(0, 3)).getMessage());
    }

    @Test
    void aWorseningCompanyFigureNamesTheBranchesThatWorsenedMostFirst() {
        IndicatorResults results = new IndicatorResults(
                List.of(indicator(ON_TIME, 96.0, RagStatus.GREEN, 98.0, Trend.WORSENING)),
                Map.of("A1", List.of(indicator(ON_TIME, 90.0, RagStatus.AMBER, 91.0, Trend.WORSENING)),
                        "B2", List.of(indicator(ON_TIME, 80.0, RagStatus.RED, 90.0, Trend.WORSENING)),
                        "C3", List.of(indicator(ON_TIME, 93.0, RagStatus.AMBER, 96.0, Trend.WORSENING)),
                        "D4", List.of(indicator(ON_TIME, 99.0, RagStatus.GREEN, 97.0, Trend.IMPROVING))));

        List<Finding> findings = FindingRules.standard().findings(results, ReportScope.company());

        assertEquals(1, findings.size());
        assertEquals(List.of(new Driver("B2", 80.0, Unit.PERCENT, null, null, RagStatus.RED),
                new Driver("C3", 93.0, Unit.PERCENT, null, null, RagStatus.AMBER),
                new Driver("A1", 90.0, Unit.PERCENT, null, null, RagStatus.AMBER)), findings.getFirst().drivers());
        assertEquals("Claims settled within deadline went from 98.0% to 96.0% since the previous period. Behind it: B2 80.0%,"
                + " C3 93.0%, A1 90.0%.", findings.getFirst().detailEn());
        // 20 + min(30, 100 * 2 / 98)
        assertEquals(20 + 200.0 / 98, findings.getFirst().score(), 1e-9);
        assertEquals("仍符合目標(不低於 95.0%):下期持續觀察,未達目標時再行改善。", findings.getFirst().suggestedActionZh());
    }

    @Test
    void redBranchesComeFirstBehindAFindingAndOnlyFiveAreNamed() {
        IndicatorResults results = new IndicatorResults(
                List.of(indicator(ON_TIME, 70.0, RagStatus.RED, null, Trend.NO_PREVIOUS)),
                Map.of("TPE-01", List.of(indicator(ON_TIME, 50.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS)),
                        "KHH-05", List.of(indicator(ON_TIME, 80.0, RagStatus.RED, null, Trend.NO_PREVIOUS)),
                        "A1", List.of(indicator(ON_TIME, 94.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS)),
                        "A2", List.of(indicator(ON_TIME, 93.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS)),
                        "A3", List.of(indicator(ON_TIME, 92.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS)),
                        "A4", List.of(indicator(ON_TIME, 91.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS)),
                        "A5", List.of(indicator(ON_TIME, 90.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS))));

        Finding below = FindingRules.standard().findings(results, ReportScope.company()).getFirst();

        assertEquals(Finding.Kind.BELOW_TARGET, below.kind());
        // KHH-05 is red though TPE-01 falls further short; the amber ones follow by their gap to 95.0.
        assertEquals("Claims settled within deadline is 70.0% against a target of at least 95.0% (RED). Behind it:"
                + " KHH-05 80.0%, TPE-01 50.0%, A5 90.0%, A4 91.0%, A3 92.0% and 2 more branches.", below.detailEn());
        assertTrue(below.detailZh().endsWith("A3 92.0% 等 7 家分公司。"), below.detailZh());
    }

    @Test
    void findingsWithTheSameAdviceAreLedByTheHighestScoringWhateverTheirOrder() {
        String claimFiles = "inspections.coverage_pct.claim_file";
        String complaints = "inspections.coverage_pct.complaint";
        IndicatorResults results = new IndicatorResults(List.of(
                counted(complaints, 92.0, RagStatus.AMBER, 23, 25), counted(claimFiles, 50.0, RagStatus.RED, 5, 10)),
                Map.of());

        Finding grouped = FindingRules.standard().findings(results, ReportScope.company()).getFirst();

        assertEquals(claimFiles, grouped.indicatorId());
        assertEquals(List.of(complaints), grouped.alsoIndicatorIds());
    }

    @Test
    void threeBranchesWithAValueAreEnoughForAnOutlierWhichListsOnlyItsOwnRecords() {
        // A1 90, A2 91, KHH-05 60 (X9 has nothing to measure): median 90, MAD 1, KHH-05 at -30 / 1.4826 = -20.2.
        IndicatorResults results = new IndicatorResults(List.of(),
                Map.of("A1", List.of(indicator(ON_TIME, 90.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS)),
                        "A2", List.of(indicator(ON_TIME, 91.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS)),
                        "KHH-05", List.of(indicator(ON_TIME, 60.0, RagStatus.RED, null, Trend.NO_PREVIOUS)),
                        "X9", List.of(indicator(ON_TIME, null, RagStatus.NOT_RATED, null, Trend.NO_PREVIOUS))));
        List<ProblemItem> records = List.of(new ProblemItem("A1:C-1", "settled_late"),
                new ProblemItem("KHH-05:C-2", "settled_late"));

        List<Finding> findings = FindingRules.standard().findings(results, ReportScope.company(), records);

        assertEquals(1, findings.size());
        Finding outlier = findings.getFirst();
        assertEquals(Finding.Kind.OUTLIER_BRANCH, outlier.kind());
        assertEquals("Claims settled within deadline out of line with other branches at KHH-05", outlier.titleEn());
        assertEquals(List.of("KHH-05:C-2"), outlier.recordIds());
    }

    @Test
    void aBranchFarAboveItsPeersOnALowerIsBetterIndicatorIsAnOutlier() {
        // 5.0, 5.5, 6.0, 30.0: median 5.75, MAD 0.5, B4 at 24.25 / 0.7413 = 32.7 robust deviations above.
        IndicatorResults results = new IndicatorResults(List.of(),
                Map.of("A1", List.of(indicator(COMPLAINTS, 5.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS)),
                        "A2", List.of(indicator(COMPLAINTS, 5.5, RagStatus.AMBER, null, Trend.NO_PREVIOUS)),
                        "A3", List.of(indicator(COMPLAINTS, 6.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS)),
                        "B4", List.of(indicator(COMPLAINTS, 30.0, RagStatus.RED, null, Trend.NO_PREVIOUS))));

        List<Finding> findings = FindingRules.standard().findings(results, ReportScope.company());

        assertEquals(List.of(ReportScope.branch("B4")), findings.stream().map(Finding::scope).toList());
        assertEquals(Finding.Kind.OUTLIER_BRANCH, findings.getFirst().kind());
    }

    private static Indicator indicator(String id, Double value, RagStatus status, Double previous, Trend trend) {
        Unit unit = id.equals(COMPLAINTS) ? Unit.PER_10K_POLICIES : Unit.PERCENT;
        double target = id.equals(COMPLAINTS) ? 5.0 : 95.0;
        return new Indicator(id, id, id, value, unit, target, status, previous, trend, 100, null, null, null);
    }

    private static Indicator counted(String id, double value, RagStatus status, long numerator, long denominator) {
        return new Indicator(id, id, id, value, Unit.PERCENT, 95.0, status, null, Trend.NO_PREVIOUS, denominator, null,
                (double) numerator, (double) denominator);
    }
}

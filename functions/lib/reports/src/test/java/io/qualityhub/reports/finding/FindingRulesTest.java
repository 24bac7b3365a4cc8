package io.qualityhub.reports.finding;

import io.qualityhub.reports.indicator.Indicator;
import io.qualityhub.reports.indicator.IndicatorResults;
import io.qualityhub.reports.indicator.RagStatus;
import io.qualityhub.reports.indicator.Trend;
import io.qualityhub.reports.indicator.Unit;
import io.qualityhub.reports.report.ProblemItem;
import io.qualityhub.reports.report.ReportScope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingRulesTest {

    private static final String ON_TIME = "claims.settled_on_time_pct";

    /** Five branches 90, 92, 94, 96, 60: median 92, MAD 2, so KHH-05 sits at -32 / 2.9652 = -10.79 robust z. */
    private static final IndicatorResults RESULTS = new IndicatorResults(
            List.of(
                    indicator(ON_TIME, 50.0, 95.0, RagStatus.RED, 50.0, Trend.STEADY),
                    indicator("sales.disclosure_compliance_pct", 97.0, 98.0, RagStatus.AMBER, 97.0, Trend.STEADY),
                    indicator("complaints.per_10k_policies", 5.0, 5.0, RagStatus.GREEN, 4.0, Trend.WORSENING),
                    indicator("followups.completed_pct", 99.0, 90.0, RagStatus.GREEN, 98.0, Trend.IMPROVING)),
            Map.of("TPE-01", List.of(indicator(ON_TIME, 90.0, 95.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS)),
                    "TXG-02", List.of(indicator(ON_TIME, 92.0, 95.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS)),
                    "TNN-03", List.of(indicator(ON_TIME, 94.0, 95.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS)),
                    "HSZ-04", List.of(indicator(ON_TIME, 96.0, 95.0, RagStatus.GREEN, null, Trend.NO_PREVIOUS)),
                    "KHH-05", List.of(indicator(ON_TIME, 60.0, 95.0, RagStatus.RED, null, Trend.NO_PREVIOUS))));

    @Test
    void companyFindingsAreRankedByScore() {
        List<Finding> findings = FindingRules.standard().findings(RESULTS, ReportScope.company());

        assertEquals(4, findings.size());
        // RED: 100 + 100 * 45 / 95
        assertFinding(findings.get(0), 1, Finding.Kind.BELOW_TARGET, ReportScope.company(), ON_TIME, 100 + 4500.0 / 95);
        // outlier: 40 + min(40, 5 * 10.79)
        assertFinding(findings.get(1), 2, Finding.Kind.OUTLIER_BRANCH, ReportScope.branch("KHH-05"), ON_TIME, 80);
        // AMBER: 50 + 100 * 1 / 98
        assertFinding(findings.get(2), 3, Finding.Kind.BELOW_TARGET, ReportScope.company(),
                "sales.disclosure_compliance_pct", 50 + 100.0 / 98);
        // worsening: 20 + min(30, 100 * 1 / 4)
        assertFinding(findings.get(3), 4, Finding.Kind.WORSENING_TREND, ReportScope.company(),
                "complaints.per_10k_policies", 45);
        assertEquals(Finding.Severity.HIGH, findings.get(0).severity());
        assertEquals("全公司理賠時效內結案率未達目標", findings.get(0).titleZh());
        assertEquals("Claims settled within deadline is 50.0% against a target of at least 95.0% (RED). Behind it: "
                        + "KHH-05 60.0%, TPE-01 90.0%, TXG-02 92.0%, TNN-03 94.0%.",
                findings.get(0).detailEn());
        assertEquals("Still within its target of at most 5.0 per 10,000 policies: watch it next period and act if it"
                + " falls short.", findings.get(3).suggestedActionEn(), "a worsening figure that meets its target");
        assertTrue(findings.get(1).detailEn().contains("10.8 robust standard deviations"), findings.get(1).detailEn());
    }

    @Test
    void aLowerIsBetterIndicatorShortOfTargetReadsAboveTarget() {
        IndicatorResults results = new IndicatorResults(List.of(
                indicator("complaints.per_10k_policies", 8.0, 5.0, RagStatus.RED, null, Trend.NO_PREVIOUS)), Map.of());

        Finding finding = FindingRules.standard().findings(results, ReportScope.company()).get(0);

        assertEquals("Complaints per 10,000 policies in force above target", finding.titleEn());
        assertEquals("全公司每萬件有效保單投訴數高於目標", finding.titleZh());
        assertEquals("Complaints per 10,000 policies in force is 8.0 per 10,000 policies against a target of at most"
                + " 5.0 per 10,000 policies (RED).",
                finding.detailEn());
        assertEquals("每萬件有效保單投訴數為 8.0(每萬件保單),目標為不高於 5.0(每萬件保單)。", finding.detailZh());
    }

    @Test
    void aBranchReportShowsOnlyThatBranchsFindings() {
        List<Finding> khh = FindingRules.standard().findings(RESULTS, ReportScope.branch("KHH-05"));
        assertEquals(List.of(Finding.Kind.BELOW_TARGET, Finding.Kind.OUTLIER_BRANCH),
                khh.stream().map(Finding::kind).toList());
        assertTrue(khh.stream().allMatch(f -> f.scope().equals(ReportScope.branch("KHH-05"))));

        List<Finding> hsz = FindingRules.standard().findings(RESULTS, ReportScope.branch("HSZ-04"));
        assertEquals(List.of(), hsz);
    }

    @Test
    void noOutlierIsCalledWithFewerThanThreeBranchesOrNoSpread() {
        IndicatorResults two = new IndicatorResults(List.of(), Map.of(
                "TPE-01", List.of(indicator(ON_TIME, 90.0, null, RagStatus.NOT_RATED, null, Trend.NO_PREVIOUS)),
                "KHH-05", List.of(indicator(ON_TIME, 10.0, null, RagStatus.NOT_RATED, null, Trend.NO_PREVIOUS))));
        assertEquals(List.of(), FindingRules.standard().findings(two, ReportScope.company()));

        IndicatorResults flat = new IndicatorResults(List.of(), Map.of(
                "A1", List.of(indicator(ON_TIME, 90.0, null, RagStatus.NOT_RATED, null, Trend.NO_PREVIOUS)),
                "A2", List.of(indicator(ON_TIME, 90.0, null, RagStatus.NOT_RATED, null, Trend.NO_PREVIOUS)),
                "A3", List.of(indicator(ON_TIME, 90.0, null, RagStatus.NOT_RATED, null, Trend.NO_PREVIOUS)),
                "A4", List.of(indicator(ON_TIME, 10.0, null, RagStatus.NOT_RATED, null, Trend.NO_PREVIOUS))));
        assertEquals(List.of(), FindingRules.standard().findings(flat, ReportScope.company()));
    }

    @Test
    void anOutlierOnTheGoodSideIsNotAProblem() {
        IndicatorResults results = new IndicatorResults(List.of(), Map.of(
                "A1", List.of(indicator(ON_TIME, 90.0, null, RagStatus.NOT_RATED, null, Trend.NO_PREVIOUS)),
                "A2", List.of(indicator(ON_TIME, 91.0, null, RagStatus.NOT_RATED, null, Trend.NO_PREVIOUS)),
                "A3", List.of(indicator(ON_TIME, 92.0, null, RagStatus.NOT_RATED, null, Trend.NO_PREVIOUS)),
                "A4", List.of(indicator(ON_TIME, 100.0, null, RagStatus.NOT_RATED, null, Trend.NO_PREVIOUS))));
        assertEquals(List.of(), FindingRules.standard().findings(results, ReportScope.company()));
    }

    @Test
    void aCompanyFindingNamesItsCountsTheBranchesBehindItWorstFirstAndItsRecords() {
        IndicatorResults results = new IndicatorResults(
                List.of(counted(ON_TIME, 50.0, RagStatus.RED, 20, 40)),
                Map.of("TPE-01", List.of(counted(ON_TIME, 90.0, RagStatus.AMBER, 18, 20)),
                        "KHH-05", List.of(counted(ON_TIME, 10.0, RagStatus.RED, 2, 20))));
        List<ProblemItem> records = List.of(new ProblemItem("TPE-01:C-9", "settled_late"),
                new ProblemItem("KHH-05:C-7", "settled_late"), new ProblemItem("KHH-05:C-3", "settled_late"),
                new ProblemItem("TPE-01:Q-1", "resolved_late"));

        List<Finding> findings = FindingRules.standard().findings(results, ReportScope.company(), records);

        assertEquals(1, findings.size());
        Finding finding = findings.getFirst();
        assertEquals("Claims settled within deadline is 50.0% (20 of 40) against a target of at least 95.0% (RED)."
                + " Behind it: KHH-05 10.0% (2 of 20), TPE-01 90.0% (18 of 20). Records: KHH-05:C-3, KHH-05:C-7,"
                + " TPE-01:C-9.", finding.detailEn());
        assertEquals("理賠時效內結案率為 50.0%(40 件中 20 件),目標為不低於 95.0%。主要來源:KHH-05 10.0%(20 件中 2 件)、"
                + "TPE-01 90.0%(20 件中 18 件)。案件:KHH-05:C-3、KHH-05:C-7、TPE-01:C-9。", finding.detailZh());
        assertEquals(List.of(new Driver("KHH-05", 10.0, Unit.PERCENT, 2.0, 20.0, RagStatus.RED),
                new Driver("TPE-01", 90.0, Unit.PERCENT, 18.0, 20.0, RagStatus.AMBER)), finding.drivers());
        assertEquals(List.of("KHH-05:C-3", "KHH-05:C-7", "TPE-01:C-9"), finding.recordIds());
        assertEquals(3, finding.recordCount());

        Finding khh = FindingRules.standard().findings(results, ReportScope.branch("KHH-05"),
                List.of(new ProblemItem("C-7", "settled_late"), new ProblemItem("C-3", "settled_late"))).getFirst();
        assertEquals("Claims settled within deadline is 10.0% (2 of 20) against a target of at least 95.0% (RED)."
                + " Records: C-3, C-7.", khh.detailEn(), "a branch's own finding names its counts, no other branch");
        assertEquals(List.of(), khh.drivers());
    }

    @Test
    void aLongListNamesTheFirstFiveInItsTextAndKeepsTwentyIds() {
        List<ProblemItem> records = new java.util.ArrayList<>();
        for (int i = 10; i < 35; i++) {
            records.add(new ProblemItem("C-" + i, "settled_late"));
        }
        Finding finding = FindingRules.standard().findings(new IndicatorResults(List.of(),
                Map.of("TPE-01", List.of(counted(ON_TIME, 0.0, RagStatus.RED, 0, 25)))), ReportScope.branch("TPE-01"),
                records).getFirst();
        assertTrue(finding.detailEn().endsWith(" Records: C-10, C-11, C-12, C-13, C-14 and 20 more."), finding.detailEn());
        assertTrue(finding.detailZh().endsWith("案件:C-10、C-11、C-12、C-13、C-14 等 25 件。"), finding.detailZh());
        assertEquals(20, finding.recordIds().size());
        assertEquals("C-29", finding.recordIds().getLast());
        assertEquals(25, finding.recordCount());
    }

    @Test
    void belowTargetAndWorseningIsOneFindingThatSaysBoth() {
        IndicatorResults results = new IndicatorResults(
                List.of(indicator(ON_TIME, 50.0, 95.0, RagStatus.RED, 80.0, Trend.WORSENING)), Map.of());

        List<Finding> findings = FindingRules.standard().findings(results, ReportScope.company());

        assertEquals(1, findings.size());
        assertEquals(Finding.Kind.BELOW_TARGET, findings.getFirst().kind());
        assertEquals("Claims settled within deadline below target, worsening", findings.getFirst().titleEn());
        assertEquals("全公司理賠時效內結案率未達目標,且較上期惡化", findings.getFirst().titleZh());
        assertEquals("Claims settled within deadline is 50.0% against a target of at least 95.0% (RED). It was 80.0%"
                + " in the previous period.", findings.getFirst().detailEn());
        assertEquals(100 + 4500.0 / 95, findings.getFirst().score(), 1e-9);
    }

    @Test
    void aBranchThatMeetsItsTargetIsNoOutlierHoweverFarFromItsPeers() {
        // Median 99.25, MAD 0.5: HSZ-04's 96.0 is 4.4 robust deviations below, yet meets the 95.0 target.
        IndicatorResults results = new IndicatorResults(List.of(), Map.of(
                "A1", List.of(indicator(ON_TIME, 99.0, 95.0, RagStatus.GREEN, null, Trend.NO_PREVIOUS)),
                "A2", List.of(indicator(ON_TIME, 99.5, 95.0, RagStatus.GREEN, null, Trend.NO_PREVIOUS)),
                "A3", List.of(indicator(ON_TIME, 100.0, 95.0, RagStatus.GREEN, null, Trend.NO_PREVIOUS)),
                "HSZ-04", List.of(indicator(ON_TIME, 96.0, 95.0, RagStatus.GREEN, null, Trend.NO_PREVIOUS))));
        assertEquals(List.of(), FindingRules.standard().findings(results, ReportScope.company()));

        IndicatorResults amber = new IndicatorResults(List.of(), Map.of(
                "A1", List.of(indicator(ON_TIME, 99.0, 95.0, RagStatus.GREEN, null, Trend.NO_PREVIOUS)),
                "A2", List.of(indicator(ON_TIME, 99.5, 95.0, RagStatus.GREEN, null, Trend.NO_PREVIOUS)),
                "A3", List.of(indicator(ON_TIME, 100.0, 95.0, RagStatus.GREEN, null, Trend.NO_PREVIOUS)),
                "HSZ-04", List.of(indicator(ON_TIME, 94.0, 95.0, RagStatus.AMBER, null, Trend.NO_PREVIOUS))));
        assertEquals(List.of(Finding.Kind.OUTLIER_BRANCH), FindingRules.standard()
                .findings(amber, ReportScope.company()).stream().map(Finding::kind).toList());
    }

    @Test
    void findingsOfOneScopeWithTheSameAdviceAreGroupedIntoTheHighestScoring() {
        String claimFiles = "inspections.coverage_pct.claim_file";
        String complaints = "inspections.coverage_pct.complaint";
        IndicatorResults results = new IndicatorResults(List.of(
                counted(claimFiles, 50.0, RagStatus.RED, 5, 10), counted(complaints, 92.0, RagStatus.AMBER, 23, 25)),
                Map.of());

        List<Finding> findings = FindingRules.standard().findings(results, ReportScope.company());

        assertEquals(1, findings.size());
        Finding grouped = findings.getFirst();
        assertEquals(claimFiles, grouped.indicatorId());
        assertEquals(List.of(complaints), grouped.alsoIndicatorIds());
        assertEquals("Inspection coverage, claim files below target (and 1 more with the same advice)", grouped.titleEn());
        assertEquals("全公司抽檢覆蓋率(理賠檔案)未達目標(另 1 項建議相同)", grouped.titleZh());
        assertEquals("Inspection coverage, claim files is 50.0% (5 of 10) against a target of at least 95.0% (RED)."
                + " Also: Inspection coverage, complaints is 92.0% (23 of 25) against a target of at least 95.0% (AMBER).",
                grouped.detailEn());
        assertEquals(1, grouped.rank());
    }

    private static Indicator counted(String id, double value, RagStatus status, long numerator, long denominator) {
        return new Indicator(id, id, id, value, Unit.PERCENT, 95.0, status, null, Trend.NO_PREVIOUS, denominator, null,
                (double) numerator, (double) denominator);
    }

    private static void assertFinding(Finding finding, int rank, Finding.Kind kind, ReportScope scope, String id,
                                      double score) {
        assertEquals(rank, finding.rank());
        assertEquals(kind, finding.kind());
        assertEquals(scope, finding.scope());
        assertEquals(id, finding.indicatorId());
        assertEquals(score, finding.score(), 1e-9);
    }

    private static Indicator indicator(String id, Double value, Double target, RagStatus status, Double previous,
                                       Trend trend) {
        Unit unit = id.contains("per_10k") ? Unit.PER_10K_POLICIES : Unit.PERCENT;
        return new Indicator(id, id, id, value, unit, target, status, previous, trend, 100, null, null, null);
    }
}

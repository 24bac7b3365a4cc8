package io.qualityhub.reports.report;

import io.qualityhub.core.format.ActionStatus;
import io.qualityhub.reports.HandBuiltDataset;
import io.qualityhub.reports.finding.Finding;
import io.qualityhub.reports.finding.FindingRules;
import io.qualityhub.reports.indicator.Indicator;
import io.qualityhub.reports.indicator.IndicatorTargets;
import io.qualityhub.reports.indicator.RagStatus;
import io.qualityhub.reports.indicator.Unit;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import static io.qualityhub.reports.HandBuiltDataset.KHH;
import static io.qualityhub.reports.HandBuiltDataset.TPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportBuilderTest {

    static final Instant GENERATED = Instant.parse("2026-11-01T01:00:00Z");
    static final ReportPeriod OCTOBER = ReportPeriod.month(YearMonth.of(2026, 10));

    static ReportBuilder builder() {
        return new ReportBuilder(HandBuiltDataset.ledger(), IndicatorTargets.loadDefault(), FindingRules.standard());
    }

    @Test
    void companyReportCarriesEveryBranchTrendsAndComparison() {
        QualityReport report = builder().build(ReportRequest.builder(OCTOBER, ReportScope.company(), GENERATED).build());

        assertEquals("2026-09", report.previousPeriod().label());
        assertEquals(List.of(KHH, TPE), report.branchIndicators().keySet().stream().sorted().toList());
        TrendSeries disclosure = report.trends().stream()
                .filter(series -> series.indicatorId().equals("sales.disclosure_compliance_pct")).findFirst().orElseThrow();
        assertEquals(List.of("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"),
                disclosure.points().stream().map(TrendSeries.Point::periodLabel).toList());
        assertEquals(Arrays.asList(null, null, null, null, 100.0, 80.0),
                disclosure.points().stream().map(TrendSeries.Point::value).toList());
        assertEquals(List.of(new Comparison.Bar(KHH, 100.0, RagStatus.GREEN), new Comparison.Bar(TPE, 50.0, RagStatus.RED)),
                report.comparison().bars());
        assertEquals(95.0, report.comparison().target());
        assertEquals("quality-report_2026-10_company", report.baseName());
        assertEquals(1, report.findings().getFirst().rank());
    }

    @Test
    void aBranchTheMonthsLastMonitorRunLeftOutHadNoClaimOverdueThen() {
        QualityReport report = builder().build(ReportRequest.builder(OCTOBER, ReportScope.company(), GENERATED).build());

        // The last run (10-31) wrote TPE-01's 2 and nothing for KHH-02, whose reading of 1 dates from 10-20.
        assertEquals(0.0, find(report.branchIndicators().get(KHH), "claims.overdue_open").value());
        assertEquals(2.0, find(report.branchIndicators().get(TPE), "claims.overdue_open").value());
        assertEquals(2.0, find(report.indicators(), "claims.overdue_open").value());
    }

    @Test
    void branchReportHidesOtherBranchesAndComparesWithTheCompany() {
        QualityReport report = builder().build(ReportRequest.builder(OCTOBER, ReportScope.branch(TPE), GENERATED).build());

        assertTrue(report.branchIndicators().isEmpty());
        assertEquals(75.0, find(report.indicators(), "sales.disclosure_compliance_pct").value());
        assertEquals(List.of(new Comparison.Bar(TPE, 50.0, RagStatus.RED), new Comparison.Bar("company", 60.0, RagStatus.RED)),
                report.comparison().bars());
        assertTrue(report.findings().stream().allMatch(finding -> finding.scope().equals(ReportScope.branch(TPE))));
    }

    @Test
    void branchWithoutDataGetsAReportOfNoData() {
        QualityReport report = builder().build(
                ReportRequest.builder(OCTOBER, ReportScope.branch("HSZ-09"), GENERATED).build());
        assertEquals(49, report.indicators().size(), "every indicator of the catalogue, each saying it has no data");
        assertTrue(report.indicators().stream().filter(i -> i.unit() != Unit.COUNT)
                .allMatch(i -> i.value() == null && i.status() == RagStatus.NO_DATA));
        assertNull(report.comparison().bars().getFirst().value());
    }

    @Test
    void specialReportKeepsItsTopicItemsAndActions() {
        QualityReport report = builder().build(ReportRequest.builder(OCTOBER, ReportScope.branch(TPE), GENERATED)
                .topic(ReportTopic.fromCode("claims-timeliness"),
                        List.of(new ProblemItem("CLM-2026-000123", "settled_late"),
                                new ProblemItem("CLM-2026-000187", "settled_late")),
                        List.of(new CorrectiveActionItem(TPE, "INS-77", "major", "QA-STAFF-3",
                                LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-25"), ActionStatus.OPEN, null)))
                .build());

        assertTrue(report.indicators().stream().allMatch(indicator -> indicator.id().startsWith("claims.")));
        assertEquals(7, report.indicators().size());
        assertTrue(report.findings().stream().allMatch(finding -> finding.indicatorId().startsWith("claims.")));
        assertEquals(CorrectiveActionItem.State.OVERDUE,
                report.special().orElseThrow().actions().getFirst().state(report.asOf()));
        assertEquals(List.of("claims.settled_on_time_pct", "claims.green_channel_on_time_pct"),
                report.trends().stream().map(TrendSeries::indicatorId).toList(), "the topic's own trends");
        assertEquals("special-report_2026-10_TPE-01_claims-timeliness", report.baseName());
        assertTrue(report.titleZh().startsWith("品質管理專項報告:理賠時效"), report.titleZh());
        assertEquals("Special quality report: Claim timeliness - Branch TPE-01 - 2026-10", report.titleEn());
    }

    @Test
    void theFindingsNameTheRecordsTheRequestCarriesForTheirIndicator() {
        QualityReport report = new ReportBuilder(HandBuiltDataset.ledger(), IndicatorTargets.loadDefault(),
                FindingRules.standard()).build(ReportRequest.builder(ReportPeriod.month(YearMonth.of(2026, 10)),
                        ReportScope.branch(TPE), Instant.parse("2026-11-01T00:00:00Z"))
                .recordsBehind(List.of(new ProblemItem("CLM-2026-000123", "settled_late"),
                        new ProblemItem("CMP-9", "resolved_late"))).build());
        Finding onTime = report.findings().stream()
                .filter(finding -> finding.indicatorId().equals("claims.settled_on_time_pct")).findFirst().orElseThrow();
        assertEquals("Claims settled within deadline is 50.0% (2 of 4) against a target of at least 95.0% (RED)."
                + " Records: CLM-2026-000123.", onTime.detailEn());
        assertEquals(List.of("CLM-2026-000123"), onTime.recordIds());
        assertEquals(1, onTime.recordCount());
    }

    /** 128 characters, Chinese and mixed: the longest id the upload format accepts. */
    static final String LONGEST_CJK_ID = "理賠案件編號".repeat(21) + "甲乙";
    static final String LONGEST_MIXED_ID = ("CLM/理賠 #7:é-" + "x".repeat(4)).repeat(8);

    @Test
    void everyIdTheUploadFormatAcceptsIsAnItemIdAndNothingElseIs() {
        assertEquals(128, LONGEST_CJK_ID.codePointCount(0, LONGEST_CJK_ID.length()));
        assertEquals(128, LONGEST_MIXED_ID.codePointCount(0, LONGEST_MIXED_ID.length()));
        for (String id : List.of(LONGEST_CJK_ID, LONGEST_MIXED_ID, "TPE-01:" + LONGEST_CJK_ID, "理賠-001", "C 1",
                "\uD83D\uDE00".repeat(128))) {
            assertEquals(id, new ProblemItem(id, "settled_late").itemId());
        }
        assertEquals(LONGEST_MIXED_ID, new SampleAssurance.RepeatViolator(LONGEST_MIXED_ID, "sales", List.of("TPE-01"), 2)
                .staffId());
        assertEquals(LONGEST_CJK_ID, new CorrectiveActionItem(TPE, LONGEST_CJK_ID, "minor", "EMP-7",
                LocalDate.parse("2026-09-28"), LocalDate.parse("2026-10-01"), ActionStatus.OPEN, null).inspectionId());
        // What intake refuses as INVALID_IDENTIFIER (too long, a BOM, NUL, a line break, a lone surrogate, not NFC).
        for (String notAnId : List.of(LONGEST_CJK_ID + "乙", "tpe-01:" + LONGEST_CJK_ID, "TPE-01:" + LONGEST_CJK_ID + "乙",
                "CLM-\uFEFF1", "CLM\u00001", "CLM\n1", "CLM\u2028", "CLM\uD800", "e\u0301", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ProblemItem(notAnId, "settled_late"));
            assertTrue(notAnId.isEmpty() || !e.getMessage().contains(notAnId), "the refused value must not be echoed");
        }
    }

    @Test
    void reportsRefuseAnythingButIdsAsItems() {
        assertThrows(IllegalArgumentException.class, () -> new ProblemItem("CLM-1", "Customer said: late!"));
        for (String owner : List.of("owner@example.com?", "A123456789", "0912-345-678", "王小明 0912 345 678", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new CorrectiveActionItem(TPE, "INS-1", "minor", owner, LocalDate.parse("2026-09-28"),
                            LocalDate.parse("2026-10-01"), ActionStatus.OPEN, null), owner);
            assertTrue(owner.isEmpty() || !e.getMessage().contains(owner), "the refused value must not be echoed");
            assertEquals(CorrectiveActionItem.WITHHELD_OWNER, CorrectiveActionItem.printableOwner(owner));
        }
        for (String label : List.of("TPE-01 主管", "分公司經理", "QA-STAFF-3", "Claims lead (north)")) {
            assertEquals(label, CorrectiveActionItem.printableOwner(label));
        }
        IllegalArgumentException topic = assertThrows(IllegalArgumentException.class, () -> ReportTopic.fromCode("claims"));
        assertTrue(topic.getMessage().contains("claims-timeliness"), topic.getMessage());
    }

    static Indicator find(List<Indicator> indicators, String id) {
        return indicators.stream().filter(indicator -> indicator.id().equals(id)).findFirst().orElseThrow();
    }
}

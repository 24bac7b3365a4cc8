package io.qualityhub.reports.render;

import io.qualityhub.reports.HandBuiltDataset;
import io.qualityhub.reports.finding.FindingRules;
import io.qualityhub.reports.indicator.IndicatorTargets;
import io.qualityhub.reports.report.QualityReport;
import io.qualityhub.reports.report.ReportBuilder;
import io.qualityhub.reports.report.ReportPeriod;
import io.qualityhub.reports.report.ReportRequest;
import io.qualityhub.reports.report.ReportScope;
import io.qualityhub.reports.report.Revision;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReportRendererTest {

    @Test
    void formulaStartsAreNeutralisedWithALeadingQuote() {
        assertEquals("'=1+2", CsvReportRenderer.cell("=1+2"));
        assertEquals("'+SUM(A1:A9)", CsvReportRenderer.cell("+SUM(A1:A9)"));
        assertEquals("'-2+3", CsvReportRenderer.cell("-2+3"));
        assertEquals("'@SUM(A1)", CsvReportRenderer.cell("@SUM(A1)"));
        assertEquals("'\tcmd", CsvReportRenderer.cell("\tcmd"));
        assertEquals("\"'\rcmd\"", CsvReportRenderer.cell("\rcmd")); // neutralised, then quoted for the CR
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", CsvReportRenderer.cell("=HYPERLINK(\"http://x\",\"y\")"));
    }

    @Test
    void ordinaryCellsFollowRfc4180() {
        assertEquals("TPE-01", CsvReportRenderer.cell("TPE-01"));
        assertEquals("理賠時效內結案率", CsvReportRenderer.cell("理賠時效內結案率"));
        assertEquals("\"a,b\"", CsvReportRenderer.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvReportRenderer.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvReportRenderer.cell("two\nlines"));
        assertEquals("a=b", CsvReportRenderer.cell("a=b"));
        assertEquals("", CsvReportRenderer.cell(null));
    }

    @Test
    void aCellStartingWithACommaQuoteOrLineFeedIsQuoted() {
        assertEquals("\",a\"", CsvReportRenderer.cell(",a"));
        assertEquals("\"\"\"a\"", CsvReportRenderer.cell("\"a"));
        assertEquals("\"\na\"", CsvReportRenderer.cell("\na"));
    }

    @Test
    void aPeriodWhoseFiguresChangedAfterItsReportEndsTheCsvWithARevisedRow() {
        QualityReport report = new ReportBuilder(HandBuiltDataset.ledger(), IndicatorTargets.loadDefault(),
                FindingRules.standard()).build(ReportRequest.builder(ReportPeriod.month(YearMonth.of(2026, 10)),
                ReportScope.company(), Instant.parse("2026-11-01T00:00:00Z"))
                .revisions(List.of(new Revision(ReportPeriod.month(YearMonth.of(2026, 9)),
                        Instant.parse("2026-10-01T06:00:00Z"), Instant.parse("2026-10-20T03:12:00Z")))).build());
        String text = new String(new CsvReportRenderer().render(report), StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\r\n"));

        assertEquals(1 + 3 * 49 + 1, lines.size());
        assertEquals("2026-09,company,report.revised,\"Revised: the figures of 2026-09 changed on 2026-10-20 03:12 UTC,"
                + " after the report of 2026-10-01 06:00 UTC for that period.\","
                + "\"修訂:2026-09 的數據於 2026-10-20 03:12 UTC 變動,晚於該期間 2026-10-01 06:00 UTC 產製的報告。\""
                + ",,,,revised,,,,,,,,全公司,Company-wide", lines.getLast());
    }

    @Test
    void everyIndicatorOfEveryScopeIsARow() {
        QualityReport report = new ReportBuilder(HandBuiltDataset.ledger(), IndicatorTargets.loadDefault(),
                FindingRules.standard()).build(ReportRequest.builder(ReportPeriod.month(YearMonth.of(2026, 10)),
                ReportScope.company(), Instant.parse("2026-11-01T00:00:00Z")).build());
        byte[] bytes = new CsvReportRenderer().render(report);

        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"));
        List<String> lines = List.of(text.split("\r\n"));
        assertEquals(1 + 3 * 49, lines.size()); // header, then the catalogue's 49 indicators for company, KHH-02, TPE-01
        assertEquals("period,scope,indicator_id,name_en,name_zh,value,unit,target,status,previous_value,trend,basis,"
                + "ci95_lower,ci95_upper,numerator,denominator,scope_name_zh,scope_name_en", lines.getFirst());
        assertTrue(lines.contains("2026-10,TPE-01,sales.disclosure_compliance_pct,Sales disclosure compliance,"
                + "銷售告知義務合規率,75,percent,98,red,100,worsening,4,,,3,4,分公司 TPE-01,Branch TPE-01"), text);
        assertTrue(lines.contains("2026-10,company,claims.cycle_time_median_days.simple,\"Median claim cycle time, simple\","
                + "理賠處理天數中位數(簡單案件),1.5,days,5,green,,no_previous,4,,,,4,全公司,Company-wide"), text);
        assertTrue(lines.contains("2026-10,TPE-01,inspections.pass_rate_pct.claim_file,\"Inspection pass rate, claim files\","
                + "抽檢合格率(理賠檔案),75,percent,90,red,,no_previous,4,30.064184,95.441274,3,4,分公司 TPE-01,Branch TPE-01"),
                text);
    }

    @Test
    void eachRowNamesItsBranchForPeopleInBothLanguages() {
        String text = new String(new CsvReportRenderer().render(JsonReportRendererTest.report(ReportScope.company(), null)),
                StandardCharsets.UTF_8);

        assertTrue(text.contains("\r\n2026-10,KHH-02,sales.disclosure_compliance_pct,"), text);
        assertTrue(text.contains(",分公司 KHH-02 高雄二分公司,Branch KHH-02 Kaohsiung Branch 2\r\n"), text);
        assertTrue(text.contains(",分公司 TPE-01 台北一分公司,Branch TPE-01 Taipei Branch 1\r\n"), text);
    }
}

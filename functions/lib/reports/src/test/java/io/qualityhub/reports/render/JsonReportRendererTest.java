package io.qualityhub.reports.render;

import io.qualityhub.core.format.ActionStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.reports.HandBuiltDataset;
import io.qualityhub.reports.finding.FindingRules;
import io.qualityhub.reports.indicator.IndicatorTargets;
import io.qualityhub.reports.report.CorrectiveActionItem;
import io.qualityhub.reports.report.ProblemItem;
import io.qualityhub.reports.report.QualityReport;
import io.qualityhub.reports.report.ReportBuilder;
import io.qualityhub.reports.report.ReportPeriod;
import io.qualityhub.reports.report.ReportRequest;
import io.qualityhub.reports.report.ReportScope;
import io.qualityhub.reports.report.ReportTopic;
import io.qualityhub.reports.report.Revision;
import io.qualityhub.reports.report.SampleAssurance;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReportRendererTest {

    @Test
    void companyReportHoldsIndicatorsBranchesTrendsAndFindings() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonReportRenderer().render(report(ReportScope.company(), null)));

        assertEquals("2026-10", json.get("period").asText());
        assertEquals("company", json.get("scope").asText());
        assertEquals(49, json.get("indicators").size(), "the catalogue's 49 indicators");
        JsonNode tpeDisclosure = find(json.get("branches").get("TPE-01"), "sales.disclosure_compliance_pct");
        assertEquals(75, tpeDisclosure.get("value").asInt());
        assertEquals("red", tpeDisclosure.get("status").asText());
        assertEquals("worsening", tpeDisclosure.get("trend").asText());
        assertEquals(3, tpeDisclosure.get("numerator").asInt(), "3 of the 4 sales disclosed in full");
        assertEquals(4, tpeDisclosure.get("denominator").asInt());
        assertTrue(find(json.get("indicators"), "inspections.pass_rate_pct.complaint").get("value").isNull());
        assertEquals(6, json.get("trends").get(0).get("points").size());
        assertEquals(1, json.get("findings").get(0).get("rank").asInt());
        assertTrue(json.get("special") == null);
    }

    @Test
    void aBranchReportIsTitledWithTheBranchNameInBothLanguages() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonReportRenderer().render(report(ReportScope.branch("TPE-01"),
                null)));

        assertEquals("保險品質管理報告 - 分公司 TPE-01 台北一分公司 - 2026-10", json.get("titleZh").asText());
        assertEquals("Quality management report - Branch TPE-01 Taipei Branch 1 - 2026-10", json.get("titleEn").asText());
        assertEquals("Kaohsiung Branch 2", json.get("branchNamesEn").get("KHH-02").asText());
        assertEquals("高雄二分公司", json.get("branchNames").get("KHH-02").asText());
    }

    @Test
    void specialReportListsItemIdsAndActionStates() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonReportRenderer().render(report(ReportScope.branch("TPE-01"),
                ReportTopic.CLAIMS_TIMELINESS)));

        assertEquals("claims-timeliness", json.get("topic").asText());
        assertEquals(0, json.get("branches").size());
        JsonNode special = json.get("special");
        assertEquals("CLM-9", special.get("items").get(0).get("id").asText());
        assertEquals("settled_late", special.get("items").get(0).get("reason").asText());
        JsonNode actions = special.get("correctiveActions");
        assertEquals(new ObjectMapper().readTree("{\"branch\":\"TPE-01\",\"inspectionId\":\"INS-1\",\"severity\":\"major\","
                + "\"owner\":\"EMP-7\",\"raisedOn\":\"2026-10-02\",\"dueOn\":\"2026-10-20\",\"status\":\"open\","
                + "\"state\":\"overdue\"}"), actions.get(0));
        assertEquals(LONG_OWNER, actions.get(1).get("owner").asText(), "the JSON keeps what the PDF cuts to its column");
        assertEquals("closed_late", actions.get(1).get("state").asText());
        assertEquals("2026-10-12", actions.get(1).get("closedOn").asText());
        assertEquals(new ObjectMapper().readTree("{\"branch\":\"TPE-01\",\"inspectionId\":\"INS-3\",\"severity\":\"minor\","
                + "\"owner\":\"EMP-8\",\"raisedOn\":\"2026-10-01\",\"dueOn\":\"2026-10-10\",\"status\":\"done\","
                + "\"closedOn\":\"2026-10-09\",\"checkDueOn\":\"2026-10-25\",\"state\":\"check_overdue\"}"), actions.get(2),
                "done on time, but its effectiveness check is past due as of the month's end");
    }

    @Test
    void theSamplesSayWhatTheyShowPerStratumHowDoubleScorersAgreeAndWhoViolatesRepeatedly() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonReportRenderer().render(withSamples()));

        assertEquals(new ObjectMapper().readTree("[{\"period\":\"2026-10\",\"strata\":["
                + "{\"recordType\":\"sales\",\"branch\":\"TPE-01\",\"population\":5000,\"sampled\":59,"
                + "\"inspected\":59,\"deviations\":2,\"statement\":\"2 deviations in 59: at most 10.3% at 95%\"},"
                + "{\"recordType\":\"claims\",\"branch\":\"TPE-01\",\"productLine\":\"health\",\"population\":200,"
                + "\"sampled\":51,\"inspected\":50,\"deviations\":0,\"statement\":null}],"
                + "\"agreement\":[{\"team\":\"sales-quality\",\"pairs\":4,\"agreements\":3,\"percentAgreement\":75,"
                + "\"kappa\":0.5,\"disagreements\":[\"INS-2026-10-0a1b\"]},"
                + "{\"team\":\"claims-quality\",\"pairs\":2,\"agreements\":2,\"percentAgreement\":100,"
                + "\"kappa\":null,\"disagreements\":[]}],"
                + "\"repeatViolators\":[{\"staffId\":\"AG-R1\",\"department\":\"sales\",\"branches\":[\"KHH-02\",\"TPE-01\"],"
                + "\"violations\":2},"
                + "{\"staffId\":\"UW-R7\",\"department\":\"underwriting\",\"branches\":[\"TPE-01\"],"
                + "\"violations\":3}]}]"), json.get("samples"));
        assertEquals(0, new ObjectMapper().readTree(new JsonReportRenderer().render(report(ReportScope.company(), null)))
                .get("samples").size(), "a period without samples says so");
    }

    @Test
    void everyFigureOfAnIndicatorATrendTheComparisonAndAFindingsDriversIsWritten() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(new JsonReportRenderer().render(report(ReportScope.company(), null)));

        assertEquals(mapper.readTree("""
                {"id": "sales.disclosure_compliance_pct", "nameEn": "Sales disclosure compliance", "nameZh": "銷售告知義務合規率",
                 "value": 80, "unit": "percent", "target": 98, "status": "red", "previousValue": 100, "trend": "worsening",
                 "basis": 5, "numerator": 4, "denominator": 5}"""), find(json.get("indicators"), "sales.disclosure_compliance_pct"),
                "4 of the 5 sales disclosed in full in October, all of them in September");
        assertEquals(mapper.readTree("""
                {"id": "inspections.pass_rate_pct.claim_file", "nameEn": "Inspection pass rate, claim files",
                 "nameZh": "抽檢合格率(理賠檔案)", "value": 75, "unit": "percent", "target": 90, "status": "red",
                 "previousValue": null, "trend": "no_previous", "basis": 4, "numerator": 3, "denominator": 4,
                 "ci95": {"lower": 30.064184, "upper": 95.441274}}"""),
                find(json.get("branches").get("TPE-01"), "inspections.pass_rate_pct.claim_file"),
                "3 of TPE-01's 4 claim files passed; the Wilson interval of 3 in 4");
        assertEquals(mapper.readTree("""
                {"indicatorId": "claims.settled_on_time_pct", "unit": "percent", "points": [
                 {"period": "2026-05", "value": null}, {"period": "2026-06", "value": null},
                 {"period": "2026-07", "value": null}, {"period": "2026-08", "value": null},
                 {"period": "2026-09", "value": null}, {"period": "2026-10", "value": 60}]}"""), json.get("trends").get(0),
                "3 of October's 5 settled claims on time; no claim settled before October");
        assertEquals(mapper.readTree("""
                {"indicatorId": "claims.settled_on_time_pct", "unit": "percent", "target": 95, "bars": [
                 {"label": "KHH-02", "value": 100, "status": "green"}, {"label": "TPE-01", "value": 50, "status": "red"}]}"""),
                json.get("comparison"), "KHH-02 settled its claim on time, TPE-01 2 of its 4");
        assertEquals(mapper.readTree("""
                [{"branch": "KHH-02", "value": 0, "numerator": 0, "denominator": 1, "status": "red"},
                 {"branch": "TPE-01", "value": 66.666667, "numerator": 2, "denominator": 3, "status": "red"}]"""),
                finding(json, "followups.understood_pct").get("drivers"));
        assertEquals(mapper.readTree("""
                ["violations.count.claims.major", "violations.count.sales.minor"]"""),
                finding(json, "violations.count.sales.severe").get("alsoIndicatorIds"),
                "the other violation counts would repeat its advice, so they are grouped into it");
    }

    @Test
    void aFindingNamesTheRecordsBehindIt() throws Exception {
        QualityReport report = new ReportBuilder(HandBuiltDataset.ledger(), IndicatorTargets.loadDefault(),
                FindingRules.standard()).build(ReportRequest.builder(ReportPeriod.month(YearMonth.of(2026, 10)),
                        ReportScope.branch("TPE-01"), Instant.parse("2026-11-01T00:00:00Z"))
                .recordsBehind(List.of(new ProblemItem("CLM-2026-000123", "settled_late"),
                        new ProblemItem("CMP-9", "resolved_late"))).build());

        JsonNode onTime = finding(new ObjectMapper().readTree(new JsonReportRenderer().render(report)),
                "claims.settled_on_time_pct");

        assertEquals(new ObjectMapper().readTree("[\"CLM-2026-000123\"]"), onTime.get("recordIds"));
        assertEquals(1, onTime.get("recordCount").asInt());
    }

    @Test
    void aPeriodWhoseFiguresChangedAfterItsReportIsListedAsRevised() throws Exception {
        QualityReport report = new ReportBuilder(HandBuiltDataset.ledger(), IndicatorTargets.loadDefault(),
                FindingRules.standard()).build(ReportRequest.builder(ReportPeriod.month(YearMonth.of(2026, 10)),
                        ReportScope.company(), Instant.parse("2026-11-01T00:00:00Z"))
                .revisions(List.of(new Revision(ReportPeriod.month(YearMonth.of(2026, 9)),
                        Instant.parse("2026-10-01T06:00:00Z"), Instant.parse("2026-10-20T03:12:00Z")))).build());

        JsonNode json = new ObjectMapper().readTree(new JsonReportRenderer().render(report));

        assertEquals(new ObjectMapper().readTree("""
                [{"period": "2026-09", "reportedAt": "2026-10-01T06:00:00Z", "changedAt": "2026-10-20T03:12:00Z",
                  "sentenceEn": "Revised: the figures of 2026-09 changed on 2026-10-20 03:12 UTC, after the report of 2026-10-01 06:00 UTC for that period.",
                  "sentenceZh": "修訂:2026-09 的數據於 2026-10-20 03:12 UTC 變動,晚於該期間 2026-10-01 06:00 UTC 產製的報告。"}]"""),
                json.get("revised"));
    }

    private static JsonNode finding(JsonNode json, String indicatorId) {
        for (JsonNode finding : json.get("findings")) {
            if (finding.get("indicatorId").asText().equals(indicatorId)) {
                return finding;
            }
        }
        throw new AssertionError("no finding on " + indicatorId);
    }

    /** The company report of October with what its sample lets an auditor say, and its two repeat violators. */
    static QualityReport withSamples() {
        ReportRequest request = ReportRequest.builder(ReportPeriod.month(YearMonth.of(2026, 10)), ReportScope.company(),
                Instant.parse("2026-11-01T00:00:00Z")).samples(List.of(new SampleAssurance("2026-10", List.of(
                new SampleAssurance.StratumStatement("sales", "TPE-01", null, 5000, 59, 59, 2,
                        "2 deviations in 59: at most 10.3% at 95%"),
                new SampleAssurance.StratumStatement("claims", "TPE-01", "health", 200, 51, 50, 0, null)),
                List.of(new SampleAssurance.TeamAgreement("sales-quality", 4, 3, 0.5, List.of("INS-2026-10-0a1b")),
                        new SampleAssurance.TeamAgreement("claims-quality", 2, 2, null, List.of())),
                List.of(new SampleAssurance.RepeatViolator("AG-R1", "sales", List.of("KHH-02", "TPE-01"), 2),
                        new SampleAssurance.RepeatViolator("UW-R7", "underwriting", List.of("TPE-01"), 3)))))
                .build();
        return new ReportBuilder(HandBuiltDataset.ledger(), IndicatorTargets.loadDefault(), FindingRules.standard())
                .build(request);
    }

    /** Wider than the PDF's owner column. */
    static final String LONG_OWNER = "台北一分公司 理賠部 品質改善專案負責人";

    static QualityReport report(ReportScope scope, ReportTopic topic) {
        ReportRequest.Builder request = ReportRequest.builder(ReportPeriod.month(YearMonth.of(2026, 10)), scope,
                Instant.parse("2026-11-01T00:00:00Z")).branchNames(Map.of("TPE-01", "台北一分公司",
                "KHH-02", "高雄二分公司"), Map.of("TPE-01", "Taipei Branch 1", "KHH-02", "Kaohsiung Branch 2"));
        if (topic != null) {
            request.topic(topic, List.of(new ProblemItem("CLM-9", "settled_late"), new ProblemItem("CLM-12", "open_overdue")),
                    List.of(new CorrectiveActionItem("TPE-01", "INS-1", "major", "EMP-7", LocalDate.parse("2026-10-02"),
                                    LocalDate.parse("2026-10-20"), ActionStatus.OPEN, null),
                            new CorrectiveActionItem("TPE-01", "INS-2", "minor", LONG_OWNER,
                                    LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-10"), ActionStatus.VERIFIED,
                                    LocalDate.parse("2026-10-12")),
                            new CorrectiveActionItem("TPE-01", "INS-3", "minor", "EMP-8", LocalDate.parse("2026-10-01"),
                                    LocalDate.parse("2026-10-10"), ActionStatus.DONE, LocalDate.parse("2026-10-09"),
                                    LocalDate.parse("2026-10-25"))));
        }
        return new ReportBuilder(HandBuiltDataset.ledger(), IndicatorTargets.loadDefault(), FindingRules.standard())
                .build(request.build());
    }

    private static JsonNode find(JsonNode indicators, String id) {
        for (JsonNode indicator : indicators) {
            if (indicator.get("id").asText().equals(id)) {
                return indicator;
            }
        }
        throw new AssertionError("no indicator " + id);
    }
}

package io.qualityhub.reports.report;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.ActionStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.reports.HandBuiltDataset;
import io.qualityhub.reports.aggregate.AggregateLedger;
import io.qualityhub.reports.aggregate.AggregateOrigin;
import io.qualityhub.reports.aggregate.SurveyFact;
import io.qualityhub.reports.finding.FindingRules;
import io.qualityhub.reports.indicator.IndicatorTargets;
import io.qualityhub.reports.render.JsonReportRenderer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A snapshot read back from its stored JSON makes the same requests and the same reports; the PDF renderer's checks of
 * the same snapshots are ReportSnapshotPdfTest in reports-pdf, which builds them with {@link #snapshotOf}.
 */
class ReportSnapshotTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant AS_OF = Instant.parse("2026-11-01T06:00:00Z");
    static final String COMPANY = "quality-report_2026-10_company";
    static final String SPECIAL = "special-report_2026-10_TPE-01_corrective-actions";
    static final IndicatorTargets TARGETS = IndicatorTargets.load(new ByteArrayInputStream("""
            {"version": "2026-12-7", "indicators": {"claims.settled_on_time_pct": {"target": 95, "amberMargin": 5}}}
            """.getBytes(StandardCharsets.UTF_8)), "test targets");

    /** The company report and a special branch report of October, built as the report function builds an order. */
    static ReportSnapshot snapshotOf(AggregateLedger ledger) {
        ReportSnapshot.Recorder recorder = new ReportSnapshot.Recorder(ledger);
        ReportBuilder builder = new ReportBuilder(recorder, TARGETS, FindingRules.standard());
        Map<String, ReportRequest> requests = new LinkedHashMap<>();
        for (ReportRequest request : List.of(companyRequest(), specialRequest())) {
            requests.put(builder.build(request).baseName(), request);
        }
        return recorder.snapshot("qualityhub-reports test", AS_OF, TARGETS, "2026-11-3", requests);
    }

    private static ReportRequest companyRequest() {
        return ReportRequest.builder(ReportPeriod.month(YearMonth.of(2026, 10)), ReportScope.company(), AS_OF)
                .branchNames(Map.of("TPE-01", "台北一分公司"), Map.of("TPE-01", "Taipei Branch 1"))
                .recordsBehind(List.of(new ProblemItem("TPE-01:CLM-理賠-7", "settled_late")))
                .revisions(List.of(new Revision(ReportPeriod.month(YearMonth.of(2026, 9)),
                        Instant.parse("2026-10-01T06:00:00Z"), Instant.parse("2026-10-20T03:12:00Z"))))
                .samples(List.of(new SampleAssurance("2026-10",
                        List.of(new SampleAssurance.StratumStatement("claims", "TPE-01", null, 40, 12, 12, 1,
                                "1 deviation in 12: at most 32.0% at 95%")),
                        List.of(new SampleAssurance.TeamAgreement("north", 5, 4, 0.6153846153846154, List.of("T-3"))),
                        List.of(new SampleAssurance.RepeatViolator("AG-R1", "sales", List.of("TPE-01"), 2)))))
                .build();
    }

    private static ReportRequest specialRequest() {
        return ReportRequest.builder(ReportPeriod.month(YearMonth.of(2026, 10)), ReportScope.branch("TPE-01"), AS_OF)
                .asOf(LocalDate.parse("2026-10-31"))
                .topic(ReportTopic.CORRECTIVE_ACTIONS, List.of(new ProblemItem("CLM-9", "settled_late")),
                        List.of(new CorrectiveActionItem("TPE-01", "INS-1", "major", "EMP-7", LocalDate.parse("2026-10-02"),
                                        LocalDate.parse("2026-10-20"), ActionStatus.OPEN, null),
                                new CorrectiveActionItem("TPE-01", "INS-3", "minor", "EMP-8", LocalDate.parse("2026-10-01"),
                                        LocalDate.parse("2026-10-10"), ActionStatus.DONE, LocalDate.parse("2026-10-09"),
                                        LocalDate.parse("2026-10-25"))))
                .build();
    }

    @Test
    void everyRequestReadsBackFromTheStoredSnapshotAsItWasMade() {
        ReportSnapshot snapshot = snapshotOf(HandBuiltDataset.ledger());

        assertEquals(snapshot.reports(), ReportSnapshot.fromJson(snapshot.toJson()).reports());
    }

    @Test
    void rebuildingAllReportsGivesEachReportOfTheOrderInItsOrderAsRebuildingItAloneDoes() {
        ReportSnapshot snapshot = ReportSnapshot.fromJson(snapshotOf(HandBuiltDataset.ledger()).toJson());
        JsonReportRenderer renderer = new JsonReportRenderer();

        Map<String, QualityReport> all = snapshot.rebuildAll();

        assertEquals(List.of(COMPANY, SPECIAL), List.copyOf(all.keySet()));
        for (String reportId : List.of(COMPANY, SPECIAL)) {
            assertArrayEquals(renderer.render(snapshot.rebuild(reportId), snapshot.reference()),
                    renderer.render(all.get(reportId), snapshot.reference()), reportId);
        }
    }

    @Test
    void aLaterUploadIntoTheMonthChangesAFreshBuildButNotWhatTheSnapshotRebuilds() throws Exception {
        AggregateLedger ledger = HandBuiltDataset.ledger();
        ReportSnapshot snapshot = ReportSnapshot.fromJson(snapshotOf(ledger).toJson());
        byte[] before = new JsonReportRenderer().render(snapshot.rebuild(COMPANY), snapshot.reference());

        ledger.put(HandBuiltDataset.aggregate("HSZ-05", "2026-10-20", AggregateOrigin.of(RecordType.SURVEYS), 1,
                List.of(SurveyFact.of(null, null, null, null, 2))));

        QualityReport fresh = new ReportBuilder(ledger, TARGETS, FindingRules.standard()).build(companyRequest());
        assertEquals(List.of("HSZ-05", "KHH-02", "TPE-01"), fresh.branchIndicators().keySet().stream().sorted().toList());
        QualityReport rebuilt = snapshot.rebuild(COMPANY);
        assertEquals(List.of("KHH-02", "TPE-01"), rebuilt.branchIndicators().keySet().stream().sorted().toList());
        assertArrayEquals(before, new JsonReportRenderer().render(rebuilt, snapshot.reference()));
    }

    @Test
    void theReportJsonNamesItsSnapshotWithTheDefinitionsVersionsAndTheAsOfInstant() throws Exception {
        ReportSnapshot snapshot = snapshotOf(HandBuiltDataset.ledger());
        JsonNode json = JSON.readTree(new JsonReportRenderer().render(snapshot.rebuild(COMPANY), snapshot.reference()));
        JsonNode named = json.get("snapshot");
        String digest = ReportSnapshot.sha256(snapshot.toJson());
        assertEquals("2026-10/20261101T060000Z-" + digest.substring(0, 16), named.get("id").asText());
        assertEquals(digest, named.get("digest").asText());
        assertEquals("2026-12-7", named.get("targetsVersion").asText());
        assertEquals("2026-11-3", named.get("deadlinePolicyVersion").asText());
        assertEquals("2026-11-01T06:00:00Z", named.get("asOf").asText());
        assertEquals("qualityhub-reports test", named.get("generator").asText());
        assertTrue(ReportSnapshot.GENERATOR.matches("qualityhub-reports \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"),
                "the build's project version: " + ReportSnapshot.GENERATOR);
    }

    @Test
    void theSnapshotKeepsTheTargetsDocumentItWasRatedAgainst() {
        ReportSnapshot stored = ReportSnapshot.fromJson(snapshotOf(HandBuiltDataset.ledger()).toJson());
        assertEquals("2026-12-7", stored.targets().version());
        assertEquals("{\"version\":\"2026-12-7\",\"indicators\":{\"claims.settled_on_time_pct\":{\"target\":95,\"amberMargin\":5}}}",
                stored.targets().document());
    }

    @Test
    void theSameInputsGiveTheSameBytesAndOneChangedCountAnotherDigest() {
        AggregateLedger ledger = HandBuiltDataset.ledger();
        ReportSnapshot first = snapshotOf(ledger);
        assertArrayEquals(first.toJson(), snapshotOf(HandBuiltDataset.ledger()).toJson());
        assertArrayEquals(first.toJson(), ReportSnapshot.fromJson(first.toJson()).toJson(), "read and written again");
        ledger.put(HandBuiltDataset.aggregate("TPE-01", "2026-10-21", AggregateOrigin.of(RecordType.SURVEYS), 1,
                List.of(SurveyFact.of(null, null, null, null, 5))));
        assertNotEquals(first.digest(), snapshotOf(ledger).digest());
    }

    @Test
    void aSnapshotThatDoesNotReadOrHoldsNoSuchReportIsRefusedWithWhy() {
        byte[] json = snapshotOf(HandBuiltDataset.ledger()).toJson();
        InvalidSnapshotException cut = assertThrows(InvalidSnapshotException.class,
                () -> ReportSnapshot.fromJson(java.util.Arrays.copyOf(json, json.length / 2)));
        assertTrue(cut.getMessage().startsWith("the snapshot does not read: "), cut.getMessage());
        String withoutDefinitions = new String(json, StandardCharsets.UTF_8).replace("\"definitions\"", "\"defs\"");
        assertEquals("the snapshot lacks 'definitions'", assertThrows(InvalidSnapshotException.class,
                () -> ReportSnapshot.fromJson(withoutDefinitions.getBytes(StandardCharsets.UTF_8))).getMessage());
        ReportSnapshot snapshot = ReportSnapshot.fromJson(json);
        assertEquals("the snapshot holds no report quality-report_2026-10_KHH-02, only [" + COMPANY + ", " + SPECIAL + "]",
                assertThrows(InvalidSnapshotException.class, () -> snapshot.rebuild("quality-report_2026-10_KHH-02"))
                        .getMessage());
    }
}

package io.qualityhub.sampling.domain;

import static io.qualityhub.sampling.domain.Fixtures.NOVEMBER;
import static io.qualityhub.sampling.domain.Fixtures.claims;
import static io.qualityhub.sampling.domain.Fixtures.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdhocInspectionsTest {

    private static final LocalDate ASKED_ON = LocalDate.of(2026, 11, 20);
    private static final String REQUESTER = "arn:aws:sts::123456789012:assumed-role/quality/lin";
    private static final Roster ROSTER = new Roster(LocalDate.of(2026, 11, 1), List.of(
            new Inspector("QA-A", "TPE-01", "claims", 100, true),
            new Inspector("QA-B", "KHH-01", "all", 100, true),
            new Inspector("QA-C", "TCH-01", "claims", 100, true),
            new Inspector("QA-D", "HSZ-01", "sales", 100, true)));
    private static final SamplingPlan PLAN = Fixtures.claimsPlan(0.02, 5, 80);
    /** 40 claims at TPE-01 and 10 at KHH-01, ids C0000... */
    private static final List<SamplingUnit> CLAIMS = concat(claims("TPE-01", 40, 0), claims("KHH-01", 10, 0));

    private static AdhocOrder named(String... ids) {
        return new AdhocOrder(NOVEMBER, "TPE-01", "claims", "complaint CMP-0042: claim handling", REQUESTER, ASKED_ON,
                0, List.of(ids));
    }

    private static AdhocOrder counted(int count) {
        return new AdhocOrder(NOVEMBER, "TPE-01", "claims", "spike in complaints at TPE-01", REQUESTER, ASKED_ON,
                count, List.of());
    }

    @Test
    void namedRecordsBecomeAdHocTasksMarkedWithTheOrderAndGoToTheLeastLoadedIndependentInspector() {
        List<InspectionTask> tasks = new AdhocInspections(PLAN).tasks(named("C0007", "C0003"), CLAIMS, secret("nov"),
                ROSTER, Map.of("QA-B", 5, "QA-C", 3));

        String orderId = "ADH-20261120-02aa3ee2163ab538";
        assertEquals(orderId, named("C0007", "C0003").orderId());
        AdhocRequest request = new AdhocRequest(orderId, "complaint CMP-0042: claim handling", REQUESTER, ASKED_ON);
        // QA-A is from TPE-01 and QA-D is on the sales team; QA-C holds 3 tasks to QA-B's 5, so takes both.
        assertEquals(List.of(
                new InspectionTask("INS-2026-11-9f30f272dc9c30e9", NOVEMBER, new RecordKey("claims", "TPE-01", "C0003"),
                        "health", "claims-quality", List.of(orderId), 1.0, LocalDate.of(2026, 12, 10),
                        new Assignment("QA-C", null), request),
                new InspectionTask("INS-2026-11-fad4ade77778acde", NOVEMBER, new RecordKey("claims", "TPE-01", "C0007"),
                        "health", "claims-quality", List.of(orderId), 1.0, LocalDate.of(2026, 12, 10),
                        new Assignment("QA-C", null), request)), tasks);
        assertTrue(tasks.stream().allMatch(InspectionTask::isAdhoc));
    }

    @Test
    void anAdHocTaskNeverTakesTheIdOfTheRecordsDrawnTaskNorOfAnotherOrders() {
        // Expected ids computed apart: SHA-256 of "adhoc|<order>|claims|TPE-01|C0003", and the order id of SHA-256 of
        // "2026-11|TPE-01|claims|complaint CMP-0042: claim handling|0|C0003,C0007|2026-11-20" (ids sorted), first 8 bytes in hex.
        RecordKey record = new RecordKey("claims", "TPE-01", "C0003");
        String drawn = InspectionTask.idFor(NOVEMBER, record);
        String first = AdhocInspections.taskIdFor(NOVEMBER, "ADH-20261120-02aa3ee2163ab538", record);
        String second = AdhocInspections.taskIdFor(NOVEMBER, "ADH-20261121-0000000000000000", record);
        assertNotEquals(drawn, first);
        assertNotEquals(first, second);
        assertTrue(first.startsWith("INS-2026-11-"), "findings find the task by the period its id names");
    }

    @Test
    void loadsStayBalancedAcrossTheTasksInspectorsAlreadyHold() {
        // QA-B holds 10, QA-C 4: of 8 new TPE-01 tasks, 7 go to QA-C and 1 to QA-B, leaving 11 and 11.
        List<InspectionTask> tasks = new AdhocInspections(PLAN).tasks(counted(8), CLAIMS, secret("nov"), ROSTER,
                Map.of("QA-B", 10, "QA-C", 4));
        long toB = tasks.stream().filter(task -> "QA-B".equals(task.assignment().inspectorId())).count();
        long toC = tasks.stream().filter(task -> "QA-C".equals(task.assignment().inspectorId())).count();
        assertEquals(1, toB);
        assertEquals(7, toC);
    }

    @Test
    void aCountPicksFromTheBranchAloneKeyedByThePeriodSecretSoItIsReproducibleButNotPredictable() {
        AdhocInspections adhoc = new AdhocInspections(PLAN);
        List<String> picked = recordIds(adhoc.tasks(counted(3), CLAIMS, secret("nov"), ROSTER, Map.of()));
        // The three smallest HMAC-SHA256(SHA-256("nov"), "adhoc-pick#|<order id>|C00nn") of the 40, computed apart.
        assertEquals(List.of("C0008", "C0017", "C0018"), picked);
        assertEquals(picked, recordIds(adhoc.tasks(counted(3), CLAIMS.reversed(), secret("nov"), ROSTER, Map.of())),
                "the same secret and records pick the same, in whatever order they come");
        assertNotEquals(picked, recordIds(adhoc.tasks(counted(3), CLAIMS, secret("dec"), ROSTER, Map.of())));
        assertTrue(adhoc.tasks(counted(40), CLAIMS, secret("nov"), ROSTER, Map.of()).stream()
                .allMatch(task -> task.branch().equals("TPE-01")));
    }

    @Test
    void aCountBeyondTheBranchsRecordsTakesThemAll() {
        assertEquals(40, new AdhocInspections(PLAN).tasks(counted(60), CLAIMS, secret("nov"), ROSTER, Map.of()).size());
    }

    @Test
    void withNoEligibleInspectorTheTaskIsLeftUnassigned() {
        Roster onlyTaipei = new Roster(LocalDate.of(2026, 11, 1), List.of(
                new Inspector("QA-A", "TPE-01", "claims", 100, true)));
        List<InspectionTask> tasks = new AdhocInspections(PLAN).tasks(named("C0003"), CLAIMS, secret("nov"), onlyTaipei,
                Map.of());
        assertFalse(tasks.getFirst().assignment().assigned());
    }

    @Test
    void recordsNotOnRecordAtTheBranchAreRefusedByName() {
        InvalidAdhocOrderException refused = assertThrows(InvalidAdhocOrderException.class, () ->
                new AdhocInspections(PLAN).tasks(named("C0003", "C0099", "X-1"), CLAIMS, secret("nov"), ROSTER,
                        Map.of()));
        assertEquals(List.of("--ids: 2 of the records named (C0099, X-1) are not claims records of branch TPE-01 on"
                + " record; check the ids against the branch's uploads"), refused.problems());
    }

    @Test
    void aTypeThePlanDoesNotInspectOrAPeriodOfAnotherFrequencyIsRefused() {
        AdhocOrder sales = new AdhocOrder(NOVEMBER, "TPE-01", "sales", "mis-selling", REQUESTER, ASKED_ON, 2, List.of());
        assertEquals(List.of("--type: plan test-1 inspects no sales records; give one of [claims]"),
                assertThrows(InvalidAdhocOrderException.class, () -> new AdhocInspections(PLAN).tasks(sales, CLAIMS,
                        secret("nov"), ROSTER, Map.of())).problems());
        AdhocOrder weekly = new AdhocOrder(Period.parse("2026-W47"), "TPE-01", "claims", "spike", REQUESTER, ASKED_ON, 2,
                List.of());
        assertEquals(List.of("--period: claims is inspected monthly, so 2026-W47 is not one of its periods"),
                assertThrows(InvalidAdhocOrderException.class, () -> new AdhocInspections(PLAN).tasks(weekly, CLAIMS,
                        secret("nov"), ROSTER, Map.of())).problems());
    }

    @Test
    void aCountAtABranchWithNoRecordsInThePeriodIsRefused() {
        AdhocOrder elsewhere = new AdhocOrder(NOVEMBER, "TXG-03", "claims", "spike", REQUESTER, ASKED_ON, 2, List.of());
        assertEquals(List.of("branch TXG-03 has no claims records in 2026-11 to pick from; name records with --ids, or"
                + " give another --period"), assertThrows(InvalidAdhocOrderException.class, () ->
                new AdhocInspections(PLAN).tasks(elsewhere, CLAIMS, secret("nov"), ROSTER, Map.of())).problems());
    }

    @Test
    void adHocTasksAreMarkedYInTheTaskList() {
        List<InspectionTask> tasks = new AdhocInspections(PLAN).tasks(named("C0003"), CLAIMS, secret("nov"), ROSTER,
                Map.of());
        assertEquals("task_id,period,record_type,branch,record_id,product_line,inspector_id,second_inspector_id,due_on,"
                + "reasons,inclusion_probability,adhoc\r\n"
                + "INS-2026-11-22b475da068bf2e9,2026-11,claims,TPE-01,C0003,health,QA-C,,2026-12-10,"
                + "ADH-20261120-5bb0312f4698739e,1,Y\r\n", InspectionTaskCsv.render(tasks));
    }

    private static List<String> recordIds(List<InspectionTask> tasks) {
        return tasks.stream().map(task -> task.record().recordId()).toList();
    }

    private static List<SamplingUnit> concat(List<SamplingUnit> first, List<SamplingUnit> second) {
        List<SamplingUnit> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

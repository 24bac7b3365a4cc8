package io.qualityhub.sampling.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.qualityhub.sampling.domain.Fixtures.NOVEMBER;
import static io.qualityhub.sampling.domain.Fixtures.claims;
import static io.qualityhub.sampling.domain.Fixtures.claimsPlan;
import static io.qualityhub.sampling.domain.Fixtures.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InspectionTasksTest {

    private static final SamplingPlan PLAN = claimsPlan(0.02, 5, 12);

    @Test
    void taskIdDependsOnlyOnPeriodAndRecord() {
        RecordKey record = new RecordKey("claims", "TPE-01", "C0001");
        // Pinned to sha256sum of "2026-11|claims|TPE-01|C0001": a changed scheme would make a rerun of an old
        // period create duplicate tasks.
        assertEquals("INS-2026-11-e468272b08b1a706", InspectionTask.idFor(NOVEMBER, record));
        assertNotEquals(InspectionTask.idFor(NOVEMBER, record), InspectionTask.idFor(Period.parse("2026-12"), record));
        assertNotEquals(InspectionTask.idFor(NOVEMBER, record),
                InspectionTask.idFor(NOVEMBER, new RecordKey("claims", "TPE-02", "C0001")));
    }

    @Test
    void rerunningAPeriodYieldsTheSameTasks() {
        List<SamplingUnit> population = claims("TPE-01", 60, 6);
        List<InspectionTask> first = InspectionTasks.fromSample(
                new Sampler(PLAN).draw(NOVEMBER, secret("nov"), population, PriorIncidents.NONE), PLAN);
        List<InspectionTask> rerun = InspectionTasks.fromSample(
                new Sampler(PLAN).draw(NOVEMBER, secret("nov"), population.reversed(), PriorIncidents.NONE), PLAN);
        assertEquals(5, first.size());
        assertEquals(first, rerun);
    }

    @Test
    void taskCarriesRecordReasonsProbabilityTeamAndDueDate() {
        Sample sample = new Sampler(PLAN).draw(NOVEMBER, secret("nov"), claims("TPE-01", 2, 1), PriorIncidents.NONE);
        InspectionTask task = InspectionTasks.fromSample(sample, PLAN).get(0);
        assertEquals(new InspectionTask(InspectionTask.idFor(NOVEMBER, new RecordKey("claims", "TPE-01", "C0000")),
                NOVEMBER, new RecordKey("claims", "TPE-01", "C0000"), "health", "claims-quality", List.of("flagged"),
                1.0, LocalDate.of(2026, 12, 20), Assignment.UNASSIGNED), task);
    }

    @Test
    void tasksMustBeMadeWithThePlanThatDrewTheSample() {
        Sample sample = new Sampler(PLAN).draw(NOVEMBER, secret("nov"), claims("TPE-01", 2, 1), PriorIncidents.NONE);
        SamplingPlan newer = new SamplingPlan("test-2", PLAN.recordTypes(), 0.1);
        assertEquals("sample for 2026-11 was drawn under plan test-1; create its tasks with that plan, not test-2",
                assertThrows(IllegalArgumentException.class, () -> InspectionTasks.fromSample(sample, newer)).getMessage());
    }

    @Test
    void csvListsTasksInRecordOrderAndNeutralisesFormulas() {
        InspectionTask formula = task("=HYPERLINK(\"http://x\",\"click\")", List.of("flagged", "green_channel"), 0.0123456789)
                .withAssignment(new Assignment("QA-01", "QA-02"));
        InspectionTask plain = task("C-100", List.of(), 1).withAssignment(new Assignment("QA-03", null));
        InspectionTask dash = task("-5", List.of(), 0.25);
        assertEquals("""
                task_id,period,record_type,branch,record_id,product_line,inspector_id,second_inspector_id,due_on,reasons,inclusion_probability,adhoc\r
                INS-X,2026-11,claims,TPE-01,'-5,health,,,2026-12-20,,0.25,N\r
                INS-X,2026-11,claims,TPE-01,"'=HYPERLINK(""http://x"",""click"")",health,QA-01,QA-02,2026-12-20,flagged;green_channel,0.01234568,N\r
                INS-X,2026-11,claims,TPE-01,C-100,health,QA-03,,2026-12-20,,1,N\r
                """, InspectionTaskCsv.render(List.of(plain, formula, dash)));
    }

    @Test
    void cellsStartingWithAFormulaCharacterGetAQuote() {
        assertEquals("'+1", InspectionTaskCsv.cell("+1"));
        assertEquals("'@SUM(A1)", InspectionTaskCsv.cell("@SUM(A1)"));
        assertEquals("'\tx", InspectionTaskCsv.cell("\tx"));
        assertEquals("\"'\rx\"", InspectionTaskCsv.cell("\rx"));
        assertEquals("\"a\"\"b\"", InspectionTaskCsv.cell("a\"b"));
        assertEquals("\"a,b\"", InspectionTaskCsv.cell("a,b"));
        assertEquals("x=1", InspectionTaskCsv.cell("x=1"));
    }

    @Test
    void eachTeamGetsItsOwnList() {
        InspectionTask claim = task("C1", List.of(), 1);
        InspectionTask sale = new InspectionTask("INS-Y", NOVEMBER, new RecordKey("sales", "TPE-01", "S1"), "life",
                "sales-quality", List.of(), 1, LocalDate.of(2026, 12, 20), Assignment.UNASSIGNED);
        Map<String, String> lists = InspectionTaskCsv.byTeam(List.of(sale, claim));
        assertEquals(List.of("claims-quality", "sales-quality"), List.copyOf(lists.keySet()));
        assertEquals(InspectionTaskCsv.render(List.of(sale)), lists.get("sales-quality"));
    }

    private static InspectionTask task(String recordId, List<String> reasons, double probability) {
        return new InspectionTask("INS-X", NOVEMBER, new RecordKey("claims", "TPE-01", recordId), "health",
                "claims-quality", reasons, probability, LocalDate.of(2026, 12, 20), Assignment.UNASSIGNED);
    }
}

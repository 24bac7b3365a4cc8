package io.qualityhub.sampling.domain;

import static io.qualityhub.sampling.domain.Fixtures.NOVEMBER;
import static io.qualityhub.sampling.domain.Fixtures.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InspectorAssignerTest {

    private static final Roster ROSTER = new Roster(LocalDate.of(2026, 11, 30), List.of(
            new Inspector("QA-A", "TPE-01", "claims", 100, true),
            new Inspector("QA-B", "KHH-01", "all", 100, true),
            new Inspector("QA-C", "TCH-01", "claims", 100, true),
            new Inspector("QA-D", "HSZ-01", "sales", 100, true),
            new Inspector("QA-E", "HSZ-01", "all", 100, false)));

    /** 30 claims at TPE-01 (QA-B or QA-C may take them), 20 at KHH-01 (QA-A, QA-C), 10 at TCH-01 (QA-A, QA-B). */
    private static final List<InspectionTask> TASKS = tasks(Map.of("TPE-01", 30, "KHH-01", 20, "TCH-01", 10));

    @Test
    void nobodyInspectsTheirOwnBranchAndOnlyActiveTeamMembersInspect() {
        List<InspectionTask> assigned = new InspectorAssigner(secret("nov")).assign(TASKS, ROSTER, 0);
        Map<String, List<String>> inspectorsByBranch = new TreeMap<>();
        assigned.forEach(task -> inspectorsByBranch.computeIfAbsent(task.branch(), b -> new ArrayList<>())
                .add(task.assignment().inspectorId()));
        assertEquals(List.of("QA-B", "QA-C"), distinct(inspectorsByBranch.get("TPE-01")));
        assertEquals(List.of("QA-A", "QA-C"), distinct(inspectorsByBranch.get("KHH-01")));
        assertEquals(List.of("QA-A", "QA-B"), distinct(inspectorsByBranch.get("TCH-01")));
    }

    @Test
    void loadsAreBalancedToWithinOneTask() {
        List<InspectionTask> assigned = new InspectorAssigner(secret("nov")).assign(TASKS, ROSTER, 0);
        assertEquals(Map.of("QA-A", 20L, "QA-B", 20L, "QA-C", 20L), loads(assigned));
        List<InspectionTask> odd = tasks(Map.of("TPE-01", 31, "KHH-01", 20, "TCH-01", 10));
        Map<String, Long> oddLoads = loads(new InspectorAssigner(secret("nov")).assign(odd, ROSTER, 0));
        assertEquals(61, oddLoads.values().stream().mapToLong(Long::longValue).sum());
        assertTrue(oddLoads.values().stream().allMatch(load -> load == 20 || load == 21), oddLoads.toString());
    }

    @Test
    void loadsStayWithinOneTaskWithDoubleScoringAcrossUnevenBranches() {
        // The emulator test's month: sales at five branches, four active inspectors, three of them from a branch.
        Roster roster = new Roster(LocalDate.of(2026, 8, 20), List.of(
                new Inspector("QA-S1", "SMP-01", "claims", 40, true),
                new Inspector("QA-S2", "SMP-03", "claims", 40, true),
                new Inspector("QA-S3", "ACT-01", "all", 40, true),
                new Inspector("QA-S4", "HQ", "claims", 40, true),
                new Inspector("QA-S5", "SMP-02", "claims", 40, false)));
        List<InspectionTask> month = tasks(Map.of("SMP-01", 31, "SMP-02", 3, "SMP-03", 51, "ACT-01", 3, "ACT-02", 2));
        for (String label : List.of("nov", "dec", "jan", "feb", "mar")) {
            Map<String, Long> loads = loads(new InspectorAssigner(secret(label)).assign(month, roster, 0.1));
            assertEquals(99, loads.values().stream().mapToLong(Long::longValue).sum(), "90 tasks, 9 double-scored");
            assertTrue(loads.values().stream().allMatch(load -> load == 24 || load == 25), label + ": " + loads);
        }
    }

    @Test
    void anInspectorWithLessCapacityStillGetsAnEvenShareWhileItLasts() {
        Roster roster = new Roster(LocalDate.of(2026, 11, 23), List.of(
                new Inspector("QA-01", "TPE-01", "all", 120, true),
                new Inspector("QA-02", "KHH-02", "all", 120, true),
                new Inspector("QA-05", "HQ", "claims", 80, true)));
        Map<String, Long> loads = loads(new InspectorAssigner(secret("nov"))
                .assign(tasks(Map.of("TPE-01", 20, "KHH-02", 20)), roster, 0));
        assertEquals(40, loads.values().stream().mapToLong(Long::longValue).sum());
        assertTrue(loads.values().stream().allMatch(load -> load == 13 || load == 14), loads.toString());
    }

    @Test
    void capacityCapsAnInspectorsShareAndAFullInspectorTakesNoMore() {
        Roster roster = new Roster(LocalDate.of(2026, 11, 30), List.of(
                new Inspector("QA-A", "TPE-01", "claims", 5, true),
                new Inspector("QA-B", "KHH-01", "claims", 25, true)));
        List<InspectionTask> assigned = new InspectorAssigner(secret("nov"))
                .assign(tasks(Map.of("TCH-01", 24)), roster, 0);
        // they alternate until QA-A has its 5, then QA-B takes the rest
        assertEquals(Map.of("QA-A", 5L, "QA-B", 19L), loads(assigned));
        List<InspectionTask> tooMany = new InspectorAssigner(secret("nov"))
                .assign(tasks(Map.of("TCH-01", 32)), roster, 0);
        assertEquals(Map.of("QA-A", 5L, "QA-B", 25L), loads(tooMany));
        assertEquals(2, tooMany.stream().filter(task -> !task.assignment().assigned()).count());
    }

    @Test
    void tasksAlreadyHeldInThePeriodLeaveThatMuchLessCapacityForNewOnes() {
        Roster roster = new Roster(LocalDate.of(2026, 11, 30), List.of(
                new Inspector("QA-A", "TPE-01", "claims", 5, true),
                new Inspector("QA-B", "KHH-01", "claims", 25, true)));
        List<InspectionTask> assigned = new InspectorAssigner(secret("nov"))
                .assign(tasks(Map.of("TCH-01", 10)), roster, 0, Map.of("QA-A", 4));
        assertEquals(Map.of("QA-A", 1L, "QA-B", 9L), loads(assigned), "QA-A holds 4 of its 5 already");
    }

    @Test
    void theTaskFewestInspectorsMayTakeIsAssignedFirstSoItIsNotLeftWithoutOne() {
        // QA-A may take all four but only one; QA-B may take the three of KHH-01 but not those of its own TCH-01.
        Roster roster = new Roster(LocalDate.of(2026, 11, 30), List.of(
                new Inspector("QA-A", "TPE-01", "claims", 1, true),
                new Inspector("QA-B", "TCH-01", "claims", 10, true)));
        List<InspectionTask> assigned = new InspectorAssigner(secret("nov"))
                .assign(tasks(Map.of("KHH-01", 3, "TCH-01", 1)), roster, 0);
        assertEquals(Map.of("KHH-01", List.of("QA-B"), "TCH-01", List.of("QA-A")), assigned.stream().collect(
                Collectors.groupingBy(InspectionTask::branch, TreeMap::new, Collectors.mapping(
                        task -> task.assignment().inspectorId(), Collectors.collectingAndThen(Collectors.toList(),
                                InspectorAssignerTest::distinct)))));
    }

    @Test
    void aShareOfOneDoubleScoresEveryTask() {
        List<InspectionTask> assigned = new InspectorAssigner(secret("nov")).assign(TASKS, ROSTER, 1);
        assertEquals(60, assigned.stream().filter(task -> task.assignment().doubleScored()).count());
    }

    @Test
    void aTaskNoEligibleInspectorMayTakeStaysUnassigned() {
        List<InspectionTask> sales = tasks(Map.of("HSZ-01", 1));
        List<InspectionTask> unassignedSales = sales.stream().map(task -> new InspectionTask(task.taskId(),
                task.period(), new RecordKey("sales", "HSZ-01", "S1"), null, "sales-quality", List.of(), 1,
                task.dueOn(), Assignment.UNASSIGNED)).toList();
        // QA-D is on the sales team but from HSZ-01; QA-B (all) is eligible unless removed
        List<Inspector> all = ROSTER.inspectors();
        Roster roster = new Roster(ROSTER.businessDate(), List.of(all.get(0), all.get(2), all.get(3), all.get(4)));
        assertEquals(List.of(Assignment.UNASSIGNED), new InspectorAssigner(secret("nov"))
                .assign(unassignedSales, roster, 0.5).stream().map(InspectionTask::assignment).toList());
    }

    @Test
    void aKeyedShareIsDoubleScoredByASecondIndependentInspector() {
        List<InspectionTask> assigned = new InspectorAssigner(secret("nov")).assign(TASKS, ROSTER, 0.1);
        List<InspectionTask> doubled = assigned.stream().filter(task -> task.assignment().doubleScored()).toList();
        assertEquals(6, doubled.size(), "round(10% of 60)");
        for (InspectionTask task : doubled) {
            Assignment assignment = task.assignment();
            assertNotEquals(assignment.inspectorId(), assignment.secondInspectorId());
            Inspector second = ROSTER.inspectors().stream().filter(i -> i.inspectorId().equals(assignment.secondInspectorId()))
                    .findFirst().orElseThrow();
            assertTrue(second.mayInspect(task.record()), task + " second-scored by " + second);
        }
        Map<String, Long> withSecond = new TreeMap<>(assigned.stream().collect(Collectors.groupingBy(
                task -> task.assignment().inspectorId(), Collectors.counting())));
        assertEquals(60, withSecond.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void theSameSecretGivesTheSameAssignmentAndAnotherSecretAnother() {
        List<InspectionTask> once = new InspectorAssigner(secret("nov")).assign(TASKS, ROSTER, 0.1);
        List<InspectionTask> again = new InspectorAssigner(secret("nov")).assign(List.copyOf(TASKS), ROSTER, 0.1);
        assertEquals(once, again);
        List<InspectionTask> other = new InspectorAssigner(secret("dec")).assign(TASKS, ROSTER, 0.1);
        assertNotEquals(once.stream().map(InspectionTask::assignment).toList(),
                other.stream().map(InspectionTask::assignment).toList());
    }

    @Test
    void withoutARosterEveryTaskStaysUnassigned() {
        assertTrue(new InspectorAssigner(secret("nov")).assign(TASKS, Roster.NONE, 0.1).stream()
                .noneMatch(task -> task.assignment().assigned()));
    }

    @Test
    void aRosterNamesEachInspectorOnce() {
        Inspector a = new Inspector("QA-A", "TPE-01", "claims", 5, true);
        assertEquals("inspector QA-A is on the roster of 2026-11-30 twice; a roster names each inspector once",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> new Roster(LocalDate.of(2026, 11, 30), List.of(a, a))).getMessage());
    }

    @Test
    void findingsCountOnlyFromTheAssignedInspectors() {
        Assignment assignment = new Assignment("QA-A", "QA-B");
        assertTrue(assignment.accepts("QA-A"));
        assertTrue(assignment.accepts("QA-B"));
        assertEquals(false, assignment.accepts("QA-C"));
        assertEquals(false, Assignment.UNASSIGNED.accepts("QA-A"));
    }

    private static Map<String, Long> loads(List<InspectionTask> tasks) {
        Map<String, Long> loads = new TreeMap<>();
        for (InspectionTask task : tasks) {
            if (task.assignment().assigned()) {
                loads.merge(task.assignment().inspectorId(), 1L, Long::sum);
            }
            if (task.assignment().doubleScored()) {
                loads.merge(task.assignment().secondInspectorId(), 1L, Long::sum);
            }
        }
        return loads;
    }

    private static List<String> distinct(List<String> ids) {
        return ids.stream().distinct().sorted().toList();
    }

    private static List<InspectionTask> tasks(Map<String, Integer> perBranch) {
        List<InspectionTask> tasks = new ArrayList<>();
        new TreeMap<>(perBranch).forEach((branch, count) -> {
            for (int i = 0; i < count; i++) {
                RecordKey record = new RecordKey("claims", branch, String.format("C%03d", i));
                tasks.add(new InspectionTask(InspectionTask.idFor(NOVEMBER, record), NOVEMBER, record, "health",
                        "claims-quality", List.of(), 0.5, LocalDate.of(2026, 12, 20), Assignment.UNASSIGNED));
            }
        });
        return tasks;
    }
}

package io.qualityhub.sampling.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.qualityhub.sampling.domain.Fixtures.NOVEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FindingOutcomeTest {

    private static final InspectionTask TASK = new InspectionTask("INS-2026-11-00aa", NOVEMBER,
            new RecordKey("claims", "TPE-01", "C1"), "health", "claims-quality", List.of(), 0.5, LocalDate.of(2026, 12, 20),
            Assignment.UNASSIGNED);
    private static final InspectionState OPEN = InspectionState.open(TASK);
    private static final LocalDate INSPECTED = LocalDate.of(2026, 12, 3);
    private static final LocalDate DUE = LocalDate.of(2027, 1, 15);

    @Test
    void findingForAnUnknownInspectionIsRejected() {
        assertEquals(new FindingOutcome.Rejected("INS-2026-11-ffff", RejectReason.UNKNOWN_INSPECTION),
                FindingOutcome.apply(FindingRow.pass("INS-2026-11-ffff", "Q1", INSPECTED), Optional.empty()));
    }

    @Test
    void findingFromAnInspectorNotAssignedToTheTaskIsRefused() {
        InspectionState assigned = InspectionState.open(TASK.withAssignment(new Assignment("QA-A", "QA-B")));
        assertEquals(new FindingOutcome.Rejected(TASK.taskId(), RejectReason.INSPECTOR_NOT_ASSIGNED),
                FindingOutcome.apply(FindingRow.pass(TASK.taskId(), "QA-C", INSPECTED), Optional.of(assigned)));
        assertEquals(TaskStatus.PASSED, ((FindingOutcome.Applied) FindingOutcome.apply(
                FindingRow.pass(TASK.taskId(), "QA-A", INSPECTED), Optional.of(assigned))).state().status());
    }

    @Test
    void theSecondInspectorsFindingIsKeptBesideTheFirstAndDecidesNothing() {
        InspectionState open = InspectionState.open(TASK.withAssignment(new Assignment("QA-A", "QA-B")));
        InspectionResult secondFail = new InspectionResult("QA-B", INSPECTED, Verdict.FAIL, FindingSeverity.MINOR);
        FindingRow secondRow = new FindingRow(TASK.taskId(), "QA-B", INSPECTED, Verdict.FAIL, FindingSeverity.MINOR,
                "owner", DUE, null, null);
        FindingOutcome.Applied second = (FindingOutcome.Applied) FindingOutcome.apply(secondRow, Optional.of(open));
        assertEquals(new InspectionState(open.task(), Optional.empty(), Optional.empty(), Optional.of(secondFail)),
                second.state());
        assertEquals(TaskStatus.OPEN, second.state().status(), "the first inspector's result decides the task");
        FindingOutcome.Applied first = (FindingOutcome.Applied) FindingOutcome.apply(
                FindingRow.pass(TASK.taskId(), "QA-A", INSPECTED), Optional.of(second.state()));
        assertEquals(TaskStatus.PASSED, first.state().status());
        assertEquals(Optional.of(secondFail), first.state().secondResult());
        assertEquals(Optional.empty(), first.state().action(), "a second scorer's fail opens no action");
        assertEquals(new FindingOutcome.Applied(first.state(), false),
                FindingOutcome.apply(secondRow, Optional.of(first.state())), "a repeat changes nothing");
        assertEquals(new FindingOutcome.Rejected(TASK.taskId(), RejectReason.RESULT_CONFLICT),
                FindingOutcome.apply(FindingRow.pass(TASK.taskId(), "QA-B", INSPECTED), Optional.of(first.state())));
    }

    @Test
    void passClosesTheTask() {
        FindingOutcome outcome = FindingOutcome.apply(FindingRow.pass(TASK.taskId(), "Q1", INSPECTED), Optional.of(OPEN));
        InspectionState passed = new InspectionState(TASK,
                Optional.of(new InspectionResult("Q1", INSPECTED, Verdict.PASS, null)), Optional.empty());
        assertEquals(new FindingOutcome.Applied(passed, true), outcome);
        assertEquals(TaskStatus.PASSED, passed.status());
        assertEquals(new FindingOutcome.Applied(passed, false),
                FindingOutcome.apply(FindingRow.pass(TASK.taskId(), "Q1", INSPECTED), Optional.of(passed)));
    }

    @Test
    void failRecordsTheFindingAndOpensACorrectiveAction() {
        FindingOutcome outcome = FindingOutcome.apply(fail(null, null), Optional.of(OPEN));
        InspectionState failed = ((FindingOutcome.Applied) outcome).state();
        assertEquals(TaskStatus.FAILED, failed.status());
        assertEquals(Optional.of(new InspectionResult("Q1", INSPECTED, Verdict.FAIL, FindingSeverity.MAJOR)), failed.result());
        assertEquals(Optional.of(new CorrectiveAction("CA-2026-11-00aa", TASK.taskId(), "claims", "TPE-01",
                FindingSeverity.MAJOR, "M-17", DUE, ActionStatus.OPEN, Optional.empty())), failed.action());
    }

    @Test
    void doneAndVerifiedCloseTheActionWhichNeverMovesBack() {
        InspectionState failed = applied(fail(null, null), OPEN);
        InspectionState done = applied(fail(ActionStatus.DONE, LocalDate.of(2027, 1, 10)), failed);
        assertEquals(ActionStatus.DONE, done.action().orElseThrow().status());
        assertEquals(Optional.of(LocalDate.of(2027, 1, 10)), done.action().orElseThrow().closedOn());
        // An older file uploaded again says "open": the action stays done.
        assertEquals(new FindingOutcome.Applied(done, false), FindingOutcome.apply(fail(null, null), Optional.of(done)));
        InspectionState verified = applied(fail(ActionStatus.VERIFIED, null), done);
        assertEquals(ActionStatus.VERIFIED, verified.action().orElseThrow().status());
        assertEquals(Optional.of(LocalDate.of(2027, 1, 10)), verified.action().orElseThrow().closedOn());
    }

    @Test
    void failRowMayReportTheActionAlreadyDone() {
        InspectionState state = applied(fail(ActionStatus.DONE, LocalDate.of(2026, 12, 5)), OPEN);
        assertEquals(ActionStatus.DONE, state.action().orElseThrow().status());
        assertEquals(Optional.of(LocalDate.of(2026, 12, 5)), state.action().orElseThrow().closedOn());
    }

    @Test
    void oppositeResultIsRejected() {
        InspectionState passed = applied(FindingRow.pass(TASK.taskId(), "Q1", INSPECTED), OPEN);
        assertEquals(new FindingOutcome.Rejected(TASK.taskId(), RejectReason.RESULT_CONFLICT),
                FindingOutcome.apply(fail(null, null), Optional.of(passed)));
        InspectionState failed = applied(fail(null, null), OPEN);
        assertEquals(new FindingOutcome.Rejected(TASK.taskId(), RejectReason.RESULT_CONFLICT),
                FindingOutcome.apply(FindingRow.pass(TASK.taskId(), "Q1", INSPECTED), Optional.of(failed)));
    }

    private static FindingRow fail(ActionStatus status, LocalDate closedOn) {
        return new FindingRow(TASK.taskId(), "Q1", INSPECTED, Verdict.FAIL, FindingSeverity.MAJOR, "M-17", DUE,
                status, closedOn);
    }

    private static InspectionState applied(FindingRow row, InspectionState current) {
        return ((FindingOutcome.Applied) FindingOutcome.apply(row, Optional.of(current))).state();
    }
}

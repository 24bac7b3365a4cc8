package io.qualityhub.sampling.domain;

import io.qualityhub.core.format.Verdict;
import io.qualityhub.core.format.FindingSeverity;
import io.qualityhub.core.format.ActionStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.qualityhub.sampling.domain.Fixtures.NOVEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingOutcomeTest {

    private static final InspectionTask TASK = new InspectionTask("INS-2026-11-00aa", NOVEMBER,
            new RecordKey("claims", "TPE-01", "C1"), "health", "claims-quality", List.of(), 0.5, LocalDate.of(2026, 12, 20),
            Assignment.UNASSIGNED);
    private static final InspectionState OPEN = InspectionState.open(TASK);
    private static final LocalDate INSPECTED = LocalDate.of(2026, 12, 3);
    private static final LocalDate DUE = LocalDate.of(2027, 1, 15);
    /** Checks fall due 14 days after an action is done; the file under test is of 12 January 2027. */
    private static final SamplingPlan PLAN = new SamplingPlan("test-1", Map.of("claims", new RecordTypePlan("claims",
            PeriodType.MONTHLY, 0.1, 1, 10, false, "claims-quality", 20, List.of(), null, 14)), 0.1);
    private static final EffectivenessSchedule SCHEDULE = new EffectivenessSchedule(LocalDate.of(2027, 1, 12), PLAN);

    @Test
    void findingForAnUnknownInspectionIsRejected() {
        assertEquals(new FindingOutcome.Rejected("INS-2026-11-ffff", RejectReason.UNKNOWN_INSPECTION),
                apply(FindingRow.pass("INS-2026-11-ffff", "Q1", INSPECTED), Optional.empty()));
    }

    @Test
    void findingFromAnInspectorNotAssignedToTheTaskIsRefused() {
        InspectionState assigned = InspectionState.open(TASK.withAssignment(new Assignment("QA-A", "QA-B")));
        assertEquals(new FindingOutcome.Rejected(TASK.taskId(), RejectReason.INSPECTOR_NOT_ASSIGNED),
                apply(FindingRow.pass(TASK.taskId(), "QA-C", INSPECTED), Optional.of(assigned)));
        assertEquals(TaskStatus.PASSED, ((FindingOutcome.Applied) apply(
                FindingRow.pass(TASK.taskId(), "QA-A", INSPECTED), Optional.of(assigned))).state().status());
    }

    @Test
    void theSecondInspectorsFindingIsKeptBesideTheFirstAndDecidesNothing() {
        InspectionState open = InspectionState.open(TASK.withAssignment(new Assignment("QA-A", "QA-B")));
        InspectionResult secondFail = new InspectionResult("QA-B", INSPECTED, Verdict.FAIL, FindingSeverity.MINOR);
        FindingRow secondRow = new FindingRow(TASK.taskId(), "QA-B", INSPECTED, Verdict.FAIL, FindingSeverity.MINOR,
                "owner", DUE, null, null);
        FindingOutcome.Applied second = (FindingOutcome.Applied) apply(secondRow, Optional.of(open));
        assertEquals(new InspectionState(open.task(), Optional.empty(), Optional.empty(), Optional.of(secondFail)),
                second.state());
        assertEquals(TaskStatus.OPEN, second.state().status(), "the first inspector's result decides the task");
        FindingOutcome.Applied first = (FindingOutcome.Applied) apply(
                FindingRow.pass(TASK.taskId(), "QA-A", INSPECTED), Optional.of(second.state()));
        assertEquals(TaskStatus.PASSED, first.state().status());
        assertEquals(Optional.of(secondFail), first.state().secondResult());
        assertEquals(Optional.empty(), first.state().action(), "a second scorer's fail opens no action");
        assertEquals(new FindingOutcome.Applied(first.state(), false),
                apply(secondRow, Optional.of(first.state())), "a repeat changes nothing");
        assertEquals(new FindingOutcome.Rejected(TASK.taskId(), RejectReason.RESULT_CONFLICT),
                apply(FindingRow.pass(TASK.taskId(), "QA-B", INSPECTED), Optional.of(first.state())));
    }

    @Test
    void passClosesTheTask() {
        FindingOutcome outcome = apply(FindingRow.pass(TASK.taskId(), "Q1", INSPECTED), Optional.of(OPEN));
        InspectionState passed = new InspectionState(TASK,
                Optional.of(new InspectionResult("Q1", INSPECTED, Verdict.PASS, null)), Optional.empty());
        assertEquals(new FindingOutcome.Applied(passed, true), outcome);
        assertEquals(TaskStatus.PASSED, passed.status());
        assertEquals(new FindingOutcome.Applied(passed, false),
                apply(FindingRow.pass(TASK.taskId(), "Q1", INSPECTED), Optional.of(passed)));
    }

    @Test
    void failRecordsTheFindingAndOpensACorrectiveAction() {
        FindingOutcome outcome = apply(fail(null, null), Optional.of(OPEN));
        InspectionState failed = ((FindingOutcome.Applied) outcome).state();
        assertEquals(TaskStatus.FAILED, failed.status());
        assertEquals(Optional.of(new InspectionResult("Q1", INSPECTED, Verdict.FAIL, FindingSeverity.MAJOR)), failed.result());
        assertEquals(Optional.of(new CorrectiveAction("CA-2026-11-00aa", TASK.taskId(), "claims", "TPE-01",
                FindingSeverity.MAJOR, "M-17", DUE, ActionStatus.OPEN, Optional.empty(), Optional.empty(), 0)),
                failed.action());
    }

    @Test
    void doneSchedulesAnEffectivenessCheckAndNeverMovesBackWhileARowSayingVerifiedCountsAsDone() {
        InspectionState failed = applied(fail(null, null), OPEN);
        InspectionState done = applied(fail(ActionStatus.DONE, LocalDate.of(2027, 1, 10)), failed);
        assertEquals(new CorrectiveAction("CA-2026-11-00aa", TASK.taskId(), "claims", "TPE-01", FindingSeverity.MAJOR,
                "M-17", DUE, ActionStatus.DONE, Optional.of(LocalDate.of(2027, 1, 10)),
                Optional.of(new EffectivenessCheck("EC-2026-11-00aa-1", LocalDate.of(2027, 1, 10),
                        LocalDate.of(2027, 1, 24), Optional.empty())), 0), done.action().orElseThrow());
        // An older file uploaded again says "open": the action stays done.
        assertEquals(new FindingOutcome.Applied(done, false), apply(fail(null, null), Optional.of(done)));
        assertEquals(new FindingOutcome.Applied(done, false), apply(fail(ActionStatus.VERIFIED, null),
                Optional.of(done)), "only the check verifies: the row's verified is the done on record");
    }

    @Test
    void aLaterRowOfTheSameStatusHandsTheOpenActionToItsNewOwnerAndDueDate() {
        InspectionState failed = applied(fail(null, null), OPEN);
        FindingRow handedOver = new FindingRow(TASK.taskId(), "Q1", INSPECTED, Verdict.FAIL, FindingSeverity.MAJOR,
                "M-30", LocalDate.of(2027, 2, 1), ActionStatus.OPEN, null);

        FindingOutcome outcome = apply(handedOver, Optional.of(failed));

        assertEquals(new FindingOutcome.Applied(failed.withAction(new CorrectiveAction("CA-2026-11-00aa", TASK.taskId(),
                "claims", "TPE-01", FindingSeverity.MAJOR, "M-30", LocalDate.of(2027, 2, 1), ActionStatus.OPEN,
                Optional.empty(), Optional.empty(), 0)), true), outcome);
    }

    @Test
    void aDoneRowWithoutItsClosingDayCountsFromTheFilesDay() {
        InspectionState done = applied(fail(ActionStatus.DONE, null), OPEN);
        EffectivenessCheck check = done.action().orElseThrow().check().orElseThrow();
        assertEquals(LocalDate.of(2027, 1, 12), check.scheduledOn());
        assertEquals(LocalDate.of(2027, 1, 26), check.dueOn());
    }

    @Test
    void failRowMayReportTheActionAlreadyDoneAndItsCheckFollows() {
        InspectionState state = applied(fail(ActionStatus.DONE, LocalDate.of(2026, 12, 5)), OPEN);
        assertEquals(ActionStatus.DONE, state.action().orElseThrow().status());
        assertEquals(Optional.of(LocalDate.of(2026, 12, 5)), state.action().orElseThrow().closedOn());
        assertEquals(LocalDate.of(2026, 12, 19), state.action().orElseThrow().check().orElseThrow().dueOn());
    }

    @Test
    void aPassedCheckVerifiesTheActionOnce() {
        InspectionState done = applied(fail(ActionStatus.DONE, LocalDate.of(2027, 1, 10)), applied(fail(null, null), OPEN));
        FindingRow pass = FindingRow.pass("EC-2026-11-00aa-1", "Q2", LocalDate.of(2027, 1, 20));

        InspectionState verified = applied(pass, done);

        CorrectiveAction action = verified.action().orElseThrow();
        assertEquals(ActionStatus.VERIFIED, action.status());
        assertEquals(Optional.of(new InspectionResult("Q2", LocalDate.of(2027, 1, 20), Verdict.PASS, null)),
                action.check().orElseThrow().result());
        assertEquals(TaskStatus.FAILED, verified.status(), "the inspection's own result stands");
        assertEquals(new FindingOutcome.Applied(verified, false), apply(pass, Optional.of(verified)));
        assertEquals(new FindingOutcome.Rejected("EC-2026-11-00aa-1", RejectReason.RESULT_CONFLICT),
                apply(checkFail("EC-2026-11-00aa-1", null), Optional.of(verified)));
        assertEquals(new FindingOutcome.Applied(verified, false),
                apply(fail(ActionStatus.DONE, LocalDate.of(2027, 1, 10)), Optional.of(verified)),
                "a done row again leaves it verified");
    }

    @Test
    void aFailedCheckReopensTheActionAndTheNextDoneSchedulesTheNextCheck() {
        InspectionState done = applied(fail(ActionStatus.DONE, LocalDate.of(2027, 1, 10)), applied(fail(null, null), OPEN));

        InspectionState reopened = applied(checkFail("EC-2026-11-00aa-1", null), done);

        CorrectiveAction action = reopened.action().orElseThrow();
        assertEquals(ActionStatus.OPEN, action.status());
        assertEquals("M-18", action.owner(), "the check's row names who acts now");
        assertEquals(LocalDate.of(2027, 2, 5), action.dueOn());
        assertEquals(Optional.empty(), action.closedOn());
        assertEquals(1, action.checksFailed());
        assertTrue(action.reopened());
        assertEquals(new FindingOutcome.Applied(reopened, false),
                apply(fail(ActionStatus.DONE, LocalDate.of(2027, 1, 10)), Optional.of(reopened)),
                "the file that first reported it done, uploaded again, is history");
        EffectivenessSchedule february = new EffectivenessSchedule(LocalDate.of(2027, 2, 1), PLAN);
        assertEquals(new FindingOutcome.Rejected(TASK.taskId(), RejectReason.DONE_BEFORE_RECHECK),
                FindingOutcome.apply(fail(ActionStatus.DONE, LocalDate.of(2027, 1, 18)), Optional.of(reopened), february),
                "done before the check that found it not done");

        InspectionState doneAgain = ((FindingOutcome.Applied) FindingOutcome.apply(
                fail(ActionStatus.DONE, LocalDate.of(2027, 1, 29)), Optional.of(reopened), february)).state();

        assertEquals(new EffectivenessCheck("EC-2026-11-00aa-2", LocalDate.of(2027, 1, 29), LocalDate.of(2027, 2, 12),
                Optional.empty()), doneAgain.action().orElseThrow().check().orElseThrow());
        assertEquals(ActionStatus.DONE, doneAgain.action().orElseThrow().status());
        assertEquals(new FindingOutcome.Applied(doneAgain, false),
                apply(checkFail("EC-2026-11-00aa-1", null), Optional.of(doneAgain)), "the first check's fail again");
        assertEquals(new FindingOutcome.Rejected("EC-2026-11-00aa-1", RejectReason.RESULT_CONFLICT),
                apply(FindingRow.pass("EC-2026-11-00aa-1", "Q2", LocalDate.of(2027, 1, 20)), Optional.of(doneAgain)));
        assertEquals(new FindingOutcome.Rejected("EC-2026-11-00aa-3", RejectReason.UNKNOWN_INSPECTION),
                apply(FindingRow.pass("EC-2026-11-00aa-3", "Q2", LocalDate.of(2027, 2, 10)), Optional.of(doneAgain)));
    }

    @Test
    void noCheckIsDueOfAnActionNotDone() {
        InspectionState failed = applied(fail(null, null), OPEN);
        assertEquals(new FindingOutcome.Rejected("EC-2026-11-00aa-1", RejectReason.UNKNOWN_INSPECTION),
                apply(FindingRow.pass("EC-2026-11-00aa-1", "Q2", LocalDate.of(2027, 1, 20)), Optional.of(failed)));
        InspectionState passed = applied(FindingRow.pass(TASK.taskId(), "Q1", INSPECTED), OPEN);
        assertEquals(new FindingOutcome.Rejected("EC-2026-11-00aa-1", RejectReason.UNKNOWN_INSPECTION),
                apply(FindingRow.pass("EC-2026-11-00aa-1", "Q2", LocalDate.of(2027, 1, 20)), Optional.of(passed)));
    }

    @Test
    void aCheckIdNamesTheInspectionItFollowsAndItsRound() {
        assertEquals("EC-2026-11-00aa-2", EffectivenessCheck.idFor("INS-2026-11-00aa", 2));
        assertEquals(Optional.of("INS-2026-W47-5f0c-1d"), EffectivenessCheck.inspectionIdOf("EC-2026-W47-5f0c-1d-12"));
        assertEquals(12, EffectivenessCheck.roundOf("EC-2026-W47-5f0c-1d-12"));
        assertEquals(Optional.empty(), EffectivenessCheck.inspectionIdOf("EC-2026-11-00aa"),
                "a hex part is not a round");
        assertEquals(Optional.empty(), EffectivenessCheck.inspectionIdOf("INS-2026-11-00aa-1"));
        assertEquals(Optional.empty(), EffectivenessCheck.inspectionIdOf("EC--1"), "no inspection id before the round");
        assertEquals(9999, EffectivenessCheck.roundOf("EC-2026-11-00aa-9999"), "four digits are a round");
        assertEquals(0, EffectivenessCheck.roundOf("EC-2026-11-00aa-10000"), "five are not");
    }

    @Test
    void oppositeResultIsRejected() {
        InspectionState passed = applied(FindingRow.pass(TASK.taskId(), "Q1", INSPECTED), OPEN);
        assertEquals(new FindingOutcome.Rejected(TASK.taskId(), RejectReason.RESULT_CONFLICT),
                apply(fail(null, null), Optional.of(passed)));
        InspectionState failed = applied(fail(null, null), OPEN);
        assertEquals(new FindingOutcome.Rejected(TASK.taskId(), RejectReason.RESULT_CONFLICT),
                apply(FindingRow.pass(TASK.taskId(), "Q1", INSPECTED), Optional.of(failed)));
    }

    private static FindingRow fail(ActionStatus status, LocalDate closedOn) {
        return new FindingRow(TASK.taskId(), "Q1", INSPECTED, Verdict.FAIL, FindingSeverity.MAJOR, "M-17", DUE,
                status, closedOn);
    }

    /** The row of an effectiveness check that failed, naming the action's new owner and due date. */
    private static FindingRow checkFail(String checkId, ActionStatus status) {
        return new FindingRow(checkId, "Q2", LocalDate.of(2027, 1, 20), Verdict.FAIL, FindingSeverity.MINOR, "M-18",
                LocalDate.of(2027, 2, 5), status, null);
    }

    private static InspectionState applied(FindingRow row, InspectionState current) {
        return ((FindingOutcome.Applied) apply(row, Optional.of(current))).state();
    }

    private static FindingOutcome apply(FindingRow row, Optional<InspectionState> current) {
        return FindingOutcome.apply(row, current, SCHEDULE);
    }
}

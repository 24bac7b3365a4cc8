package io.qualityhub.sampling.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a findings row does to its inspection. A pass closes the task. A fail closes the task as failed and opens
 * a corrective action (or records it as already done or verified, if the row says so). The first result stands:
 * a repeat of it changes nothing, the opposite result is rejected. Later fail rows update the corrective action,
 * whose status only moves forward (open, done, verified), so a re-uploaded older file cannot reopen it. A task
 * assigned to inspectors takes findings from them only; one left unassigned (or drawn before rosters) from anyone.
 * On a double-scored task, the second inspector's row is kept beside the first result and changes nothing else.
 */
public sealed interface FindingOutcome {

    /** @param changed false when the row repeats what is already on record, so nothing needs writing */
    record Applied(InspectionState state, boolean changed) implements FindingOutcome {
        public Applied {
            Objects.requireNonNull(state, "state");
        }
    }

    record Rejected(String inspectionId, RejectReason reason) implements FindingOutcome {
        public Rejected {
            Objects.requireNonNull(inspectionId, "inspectionId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** @param current the inspection the row names, or empty if no task has that id */
    static FindingOutcome apply(FindingRow row, Optional<InspectionState> current) {
        if (current.isEmpty()) {
            return new Rejected(row.inspectionId(), RejectReason.UNKNOWN_INSPECTION);
        }
        InspectionState state = current.get();
        if (!state.task().taskId().equals(row.inspectionId())) {
            throw new IllegalArgumentException("findings row for " + row.inspectionId()
                    + " was paired with task " + state.task().taskId() + "; look the task up by inspection_id");
        }
        Assignment assignment = state.task().assignment();
        if (assignment.assigned() && !assignment.accepts(row.inspectorId())) {
            return new Rejected(row.inspectionId(), RejectReason.INSPECTOR_NOT_ASSIGNED);
        }
        if (assignment.doubleScored() && row.inspectorId().equals(assignment.secondInspectorId())) {
            return secondScore(row, state);
        }
        return switch (state.status()) {
            case OPEN -> new Applied(firstResult(row, state), true);
            case PASSED -> row.result() == Verdict.PASS ? new Applied(state, false)
                    : new Rejected(row.inspectionId(), RejectReason.RESULT_CONFLICT);
            case FAILED -> row.result() == Verdict.FAIL ? updateAction(row, state)
                    : new Rejected(row.inspectionId(), RejectReason.RESULT_CONFLICT);
        };
    }

    /** The second inspector's result is recorded once, beside the first; it opens no corrective action. */
    private static FindingOutcome secondScore(FindingRow row, InspectionState state) {
        InspectionResult second = new InspectionResult(row.inspectorId(), row.inspectedOn(), row.result(),
                row.severity());
        if (state.secondResult().isEmpty()) {
            return new Applied(state.withSecondResult(second), true);
        }
        return state.secondResult().get().verdict() == row.result() ? new Applied(state, false)
                : new Rejected(row.inspectionId(), RejectReason.RESULT_CONFLICT);
    }

    private static InspectionState firstResult(FindingRow row, InspectionState open) {
        InspectionTask task = open.task();
        InspectionResult result = new InspectionResult(row.inspectorId(), row.inspectedOn(), row.result(),
                row.severity());
        if (row.result() == Verdict.PASS) {
            return new InspectionState(task, Optional.of(result), Optional.empty(), open.secondResult());
        }
        CorrectiveAction action = new CorrectiveAction(CorrectiveAction.idFor(task.taskId()), task.taskId(),
                task.recordType(), task.branch(), row.severity(), row.actionOwner(), row.actionDueOn(),
                row.actionStatusOrOpen(), closedOn(row, row.actionStatusOrOpen()));
        return new InspectionState(task, Optional.of(result), Optional.of(action), open.secondResult());
    }

    private static FindingOutcome updateAction(FindingRow row, InspectionState state) {
        CorrectiveAction recorded = state.action().orElseThrow(() -> new IllegalStateException(
                "failed inspection " + state.task().taskId() + " has no corrective action on record"));
        if (row.actionStatusOrOpen().compareTo(recorded.status()) < 0) {
            return new Applied(state, false);
        }
        ActionStatus status = row.actionStatusOrOpen();
        Optional<LocalDate> closedOn = closedOn(row, status).or(() ->
                status.closed() ? recorded.closedOn() : Optional.empty());
        CorrectiveAction updated = new CorrectiveAction(recorded.actionId(), recorded.inspectionId(),
                recorded.recordType(), recorded.branch(), recorded.severity(), row.actionOwner(), row.actionDueOn(),
                status, closedOn);
        return updated.equals(recorded) ? new Applied(state, false)
                : new Applied(new InspectionState(state.task(), state.result(), Optional.of(updated),
                state.secondResult()), true);
    }

    private static Optional<LocalDate> closedOn(FindingRow row, ActionStatus status) {
        return status.closed() ? Optional.ofNullable(row.actionClosedOn()) : Optional.empty();
    }
}

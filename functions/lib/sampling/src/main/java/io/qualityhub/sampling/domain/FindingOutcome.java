package io.qualityhub.sampling.domain;

import io.qualityhub.core.format.Verdict;
import io.qualityhub.core.format.ActionStatus;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a findings row does to its inspection. A pass closes the task. A fail closes the task as failed and opens
 * a corrective action (or records it as already done or verified, if the row says so). The first result stands:
 * a repeat of it changes nothing, the opposite result is rejected. Later fail rows update the corrective action,
 * whose status only moves forward (open, done), so a re-uploaded older file cannot reopen it. A row reporting the
 * action done schedules its effectiveness check ({@link EffectivenessCheck}); only the check's pass verifies the
 * action, and its fail reopens it. A task
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

    /**
     * @param current  the inspection the row names (for an effectiveness check {@code EC-...}, the inspection whose
     *                 action it checks), or empty if no task has that id
     * @param schedule when the check of an action reported done falls due
     */
    static FindingOutcome apply(FindingRow row, Optional<InspectionState> current, EffectivenessSchedule schedule) {
        if (current.isEmpty()) {
            return new Rejected(row.inspectionId(), RejectReason.UNKNOWN_INSPECTION);
        }
        InspectionState state = current.get();
        String taskId = EffectivenessCheck.isCheckId(row.inspectionId())
                ? EffectivenessCheck.inspectionIdOf(row.inspectionId()).orElse(row.inspectionId()) : row.inspectionId();
        if (!state.task().taskId().equals(taskId)) {
            throw new IllegalArgumentException("findings row for " + row.inspectionId()
                    + " was paired with task " + state.task().taskId() + "; look the task up by inspection_id");
        }
        if (EffectivenessCheck.isCheckId(row.inspectionId())) {
            return checkResult(row, state);
        }
        Assignment assignment = state.task().assignment();
        if (assignment.assigned() && !assignment.accepts(row.inspectorId())) {
            return new Rejected(row.inspectionId(), RejectReason.INSPECTOR_NOT_ASSIGNED);
        }
        if (assignment.doubleScored() && row.inspectorId().equals(assignment.secondInspectorId())) {
            return secondScore(row, state);
        }
        return switch (state.status()) {
            case OPEN -> new Applied(firstResult(row, state, schedule), true);
            case PASSED -> row.result() == Verdict.PASS ? new Applied(state, false)
                    : new Rejected(row.inspectionId(), RejectReason.RESULT_CONFLICT);
            case FAILED -> row.result() == Verdict.FAIL ? updateAction(row, state, schedule)
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

    private static InspectionState firstResult(FindingRow row, InspectionState open, EffectivenessSchedule schedule) {
        InspectionTask task = open.task();
        InspectionResult result = new InspectionResult(row.inspectorId(), row.inspectedOn(), row.result(),
                row.severity());
        if (row.result() == Verdict.PASS) {
            return new InspectionState(task, Optional.of(result), Optional.empty(), open.secondResult());
        }
        ActionStatus status = claimed(row);
        Optional<EffectivenessCheck> check = status == ActionStatus.DONE
                ? Optional.of(schedule.check(task, 1, schedule.doneOn(row))) : Optional.empty();
        CorrectiveAction action = new CorrectiveAction(CorrectiveAction.idFor(task.taskId()), task.taskId(),
                task.recordType(), task.branch(), row.severity(), row.actionOwner(), row.actionDueOn(), status,
                closedOn(row, status), check, 0);
        return new InspectionState(task, Optional.of(result), Optional.of(action), open.secondResult());
    }

    /**
     * A later row of a failed inspection: a new owner, due date or status. After a failed check reopened the action,
     * rows of files from up to the check's day are history and change nothing, and a row reporting it done before
     * that day is refused.
     */
    private static FindingOutcome updateAction(FindingRow row, InspectionState state, EffectivenessSchedule schedule) {
        CorrectiveAction recorded = state.action().orElseThrow(() -> new IllegalStateException(
                "failed inspection " + state.task().taskId() + " has no corrective action on record"));
        ActionStatus status = claimed(row);
        Optional<LocalDate> failedCheckOn = recorded.reopened()
                ? recorded.check().flatMap(EffectivenessCheck::result).map(InspectionResult::inspectedOn)
                : Optional.empty();
        if (status.compareTo(recorded.status()) < 0
                || failedCheckOn.filter(failed -> !schedule.reportedOn().isAfter(failed)).isPresent()) {
            return new Applied(state, false);
        }
        if (status == ActionStatus.DONE && failedCheckOn.filter(failed -> !schedule.doneOn(row).isAfter(failed))
                .isPresent()) {
            return new Rejected(row.inspectionId(), RejectReason.DONE_BEFORE_RECHECK);
        }
        Optional<LocalDate> closedOn = closedOn(row, status).or(() ->
                status == ActionStatus.DONE && recorded.status() == ActionStatus.DONE ? recorded.closedOn()
                        : Optional.empty());
        Optional<EffectivenessCheck> check = status == ActionStatus.DONE && recorded.status() == ActionStatus.OPEN
                ? Optional.of(schedule.check(state.task(), recorded.check().map(EffectivenessCheck::round).orElse(0) + 1,
                schedule.doneOn(row)))
                : recorded.check();
        CorrectiveAction updated = new CorrectiveAction(recorded.actionId(), recorded.inspectionId(),
                recorded.recordType(), recorded.branch(), recorded.severity(), row.actionOwner(), row.actionDueOn(),
                status, closedOn, check, recorded.checksFailed());
        return updated.equals(recorded) ? new Applied(state, false) : new Applied(state.withAction(updated), true);
    }

    /**
     * The result of an action's effectiveness check: a pass verifies the action, a fail reopens it with the row's
     * owner and due date. Each check has one result; checks before the latest all failed, so a repeat of their fail
     * changes nothing.
     */
    private static FindingOutcome checkResult(FindingRow row, InspectionState state) {
        int round = EffectivenessCheck.roundOf(row.inspectionId());
        Optional<CorrectiveAction> action = state.action();
        Optional<EffectivenessCheck> latest = action.flatMap(CorrectiveAction::check);
        if (latest.isEmpty() || round > latest.get().round()) {
            return new Rejected(row.inspectionId(), RejectReason.UNKNOWN_INSPECTION);
        }
        EffectivenessCheck check = latest.get();
        if (round < check.round() || check.result().isPresent()) {
            Verdict recorded = round < check.round() ? Verdict.FAIL : check.result().get().verdict();
            return recorded == row.result() ? new Applied(state, false)
                    : new Rejected(row.inspectionId(), RejectReason.RESULT_CONFLICT);
        }
        CorrectiveAction done = action.get();
        EffectivenessCheck carriedOut = check.withResult(new InspectionResult(row.inspectorId(), row.inspectedOn(),
                row.result(), row.severity()));
        CorrectiveAction updated = row.result() == Verdict.PASS
                ? new CorrectiveAction(done.actionId(), done.inspectionId(), done.recordType(), done.branch(),
                done.severity(), done.owner(), done.dueOn(), ActionStatus.VERIFIED, done.closedOn(),
                Optional.of(carriedOut), done.checksFailed())
                : new CorrectiveAction(done.actionId(), done.inspectionId(), done.recordType(), done.branch(),
                done.severity(), row.actionOwner(), row.actionDueOn(), ActionStatus.OPEN, Optional.empty(),
                Optional.of(carriedOut), done.checksFailed() + 1);
        return new Applied(state.withAction(updated), true);
    }

    /** A row cannot verify an action: only its effectiveness check can, so {@code verified} counts as done. */
    private static ActionStatus claimed(FindingRow row) {
        return row.actionStatusOrOpen() == ActionStatus.VERIFIED ? ActionStatus.DONE : row.actionStatusOrOpen();
    }

    private static Optional<LocalDate> closedOn(FindingRow row, ActionStatus status) {
        return status == ActionStatus.DONE ? Optional.ofNullable(row.actionClosedOn()) : Optional.empty();
    }
}

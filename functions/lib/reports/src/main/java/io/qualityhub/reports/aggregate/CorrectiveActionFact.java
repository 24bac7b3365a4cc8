package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.ActionStatus;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The corrective action raised by a failed inspection, at its latest status. Done is its owner's word; only a passed
 * effectiveness check verifies it, so done and verified count apart.
 *
 * @param closedOn     the day its owner reported it done; required once done or verified
 * @param checkDueOn   the day its pending effectiveness check is due by, or {@code null} when none is pending
 * @param checksPassed 1 once its effectiveness check passed, else 0
 * @param checksFailed how many of its effectiveness checks failed, each reopening it
 */
public record CorrectiveActionFact(String branch, ActionStatus status, LocalDate dueOn, LocalDate closedOn,
                                   LocalDate checkDueOn, int checksPassed, int checksFailed)
        implements Fact {

    public CorrectiveActionFact {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueOn, "dueOn");
        if (status != ActionStatus.OPEN && closedOn == null) {
            throw new IllegalArgumentException(
                    "corrective action with status " + status + " needs action_closed_on; it has none");
        }
        if (checkDueOn != null && status != ActionStatus.DONE) {
            throw new IllegalArgumentException("only a done corrective action waits for an effectiveness check; this"
                    + " one is " + status);
        }
        if (checksPassed < 0 || checksPassed > 1 || checksFailed < 0) {
            throw new IllegalArgumentException("a corrective action passes at most one effectiveness check and fails"
                    + " none or more; got " + checksPassed + " passed, " + checksFailed + " failed");
        }
    }

    /** An action recorded before effectiveness checks: none pending, passed or failed. */
    public CorrectiveActionFact(String branch, ActionStatus status, LocalDate dueOn, LocalDate closedOn) {
        this(branch, status, dueOn, closedOn, null, 0, 0);
    }

    /** Verified: its effectiveness check passed (or, before checks, the quality department said so). */
    public boolean closed() {
        return status == ActionStatus.VERIFIED;
    }

    /** Verified, and its owner had done it by its due date. */
    public boolean closedOnTime() {
        return closed() && !closedOn.isAfter(dueOn);
    }
}

package io.qualityhub.reports.aggregate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The corrective action raised by a failed inspection, as the latest findings upload states it.
 * An inspection appears in one findings file, so each action is counted once; a re-upload of that
 * file with a new status replaces it.
 */
public record CorrectiveActionFact(String branch, ActionStatus status, LocalDate dueOn, LocalDate closedOn)
        implements Fact {

    public enum ActionStatus { OPEN, DONE, VERIFIED }

    public CorrectiveActionFact {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueOn, "dueOn");
        if (status != ActionStatus.OPEN && closedOn == null) {
            throw new IllegalArgumentException(
                    "corrective action with status " + status + " needs action_closed_on; it has none");
        }
    }

    public boolean closed() {
        return status != ActionStatus.OPEN;
    }

    public boolean closedOnTime() {
        return closed() && !closedOn.isAfter(dueOn);
    }
}

package io.qualityhub.reports.report;

import io.qualityhub.reports.aggregate.CorrectiveActionFact.ActionStatus;

import java.time.LocalDate;
import java.util.Objects;

/** A corrective action tracked in a special report, by inspection id and owner id. */
public record CorrectiveActionItem(String inspectionId, String ownerId, LocalDate dueOn, ActionStatus status,
                                   LocalDate closedOn) {

    public enum State { OPEN, OVERDUE, CLOSED_ON_TIME, CLOSED_LATE }

    public CorrectiveActionItem {
        ItemIds.requireId("corrective action inspection id", inspectionId);
        ItemIds.requireId("corrective action owner id", ownerId);
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(status, "status");
        if (status != ActionStatus.OPEN && closedOn == null) {
            throw new IllegalArgumentException("corrective action " + inspectionId + " is " + status
                    + " but has no closing date");
        }
    }

    public State state(LocalDate asOf) {
        if (status == ActionStatus.OPEN) {
            return dueOn.isBefore(asOf) ? State.OVERDUE : State.OPEN;
        }
        return closedOn.isAfter(dueOn) ? State.CLOSED_LATE : State.CLOSED_ON_TIME;
    }
}

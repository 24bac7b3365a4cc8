package io.qualityhub.reports.report;


import io.qualityhub.core.format.ActionStatus;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A corrective action tracked in a special report: the failed inspection that raised it, its owner, its dates
 * and its latest status.
 *
 * @param severity the finding's severity code ({@code minor}, {@code major}, {@code critical})
 * @param owner    who must act, as the quality department named them (a role or staff label, never a customer)
 * @param raisedOn   the day of the inspection that raised it
 * @param closedOn   the day its owner reported it done
 * @param checkDueOn the day its pending effectiveness check is due by; {@code null} when none is pending
 */
public record CorrectiveActionItem(String branch, String inspectionId, String severity, String owner,
                                   LocalDate raisedOn, LocalDate dueOn, ActionStatus status, LocalDate closedOn,
                                   LocalDate checkDueOn) {

    /**
     * Open or overdue while its owner works on it; then awaiting its effectiveness check (or with the check overdue);
     * then closed, on time or late by its owner's done day, once the check passed.
     */
    public enum State { OPEN, OVERDUE, AWAITING_CHECK, CHECK_OVERDUE, CLOSED_ON_TIME, CLOSED_LATE }

    /** Printed instead of an owner the findings upload named in a way a report may not print. */
    public static final String WITHHELD_OWNER = "未列出 withheld";

    public CorrectiveActionItem {
        ItemIds.requireId("corrective action branch", branch);
        ItemIds.requireId("corrective action inspection id", inspectionId);
        ItemIds.requireCode("corrective action severity", severity);
        ItemIds.requireLabel("corrective action owner", owner);
        Objects.requireNonNull(raisedOn, "raisedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(status, "status");
        if (status != ActionStatus.OPEN && closedOn == null) {
            throw new IllegalArgumentException("corrective action " + inspectionId + " is " + status
                    + " but has no closing date");
        }
    }

    /** An action with no effectiveness check pending. */
    public CorrectiveActionItem(String branch, String inspectionId, String severity, String owner, LocalDate raisedOn,
                                LocalDate dueOn, ActionStatus status, LocalDate closedOn) {
        this(branch, inspectionId, severity, owner, raisedOn, dueOn, status, closedOn, null);
    }

    /**
     * The owner as a report may print it: the findings upload's free text when it is a role or staff label,
     * otherwise {@link #WITHHELD_OWNER}, so that one odd entry costs its label and not the whole report.
     */
    public static String printableOwner(String owner) {
        try {
            return ItemIds.requireLabel("corrective action owner", owner);
        } catch (IllegalArgumentException notALabel) {
            return WITHHELD_OWNER;
        }
    }

    public State state(LocalDate asOf) {
        if (status == ActionStatus.OPEN) {
            return dueOn.isBefore(asOf) ? State.OVERDUE : State.OPEN;
        }
        if (status == ActionStatus.DONE) {
            return checkDueOn != null && checkDueOn.isBefore(asOf) ? State.CHECK_OVERDUE : State.AWAITING_CHECK;
        }
        return closedOn.isAfter(dueOn) ? State.CLOSED_LATE : State.CLOSED_ON_TIME;
    }

    /**
     * Whether the action was open on some day of [from, toInclusive]: raised by then and not closed before it. A done
     * action is not closed until its check passes. These are the actions a report of that period tracks; one
     * verified and done before the period began is history.
     */
    public boolean openDuring(LocalDate from, LocalDate toInclusive) {
        return !raisedOn.isAfter(toInclusive) && (status != ActionStatus.VERIFIED || !closedOn.isBefore(from));
    }
}

package io.qualityhub.reports.report;

import io.qualityhub.reports.aggregate.CorrectiveActionFact.ActionStatus;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A corrective action tracked in a special report: the failed inspection that raised it, its owner, its dates
 * and its latest status.
 *
 * @param severity the finding's severity code ({@code minor}, {@code major}, {@code critical})
 * @param owner    who must act, as the quality department named them (a role or staff label, never a customer)
 * @param raisedOn the day of the inspection that raised it
 */
public record CorrectiveActionItem(String branch, String inspectionId, String severity, String owner,
                                   LocalDate raisedOn, LocalDate dueOn, ActionStatus status, LocalDate closedOn) {

    public enum State { OPEN, OVERDUE, CLOSED_ON_TIME, CLOSED_LATE }

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
        return closedOn.isAfter(dueOn) ? State.CLOSED_LATE : State.CLOSED_ON_TIME;
    }

    /**
     * Whether the action was open on some day of [from, toInclusive]: raised by then and not closed before it.
     * These are the actions a report of that period tracks; one closed before the period began is history.
     */
    public boolean openDuring(LocalDate from, LocalDate toInclusive) {
        return !raisedOn.isAfter(toInclusive) && (status == ActionStatus.OPEN || !closedOn.isBefore(from));
    }
}

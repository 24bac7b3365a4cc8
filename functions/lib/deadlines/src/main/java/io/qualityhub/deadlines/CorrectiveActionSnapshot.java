package io.qualityhub.deadlines;

import io.qualityhub.core.format.ActionStatus;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A corrective action from an inspection finding.
 *
 * @param branch       the branch the action is for
 * @param actionId     the action's id (e.g. derived from the finding)
 * @param inspectionId the inspection it came from
 * @param owner        who owns the action, as recorded in the finding ({@code action_owner})
 * @param inspectedOn  the inspection date ({@code inspected_on}), where the action's clock starts
 * @param dueOn        the due date set in the finding ({@code action_due_on}); the action is due by the end of it
 * @param status       latest status; {@code open} when the finding gave none
 * @param pendingCheck the effectiveness check a done action waits for, until its result is in
 */
public record CorrectiveActionSnapshot(String branch, String actionId, String inspectionId, String owner,
                                       LocalDate inspectedOn, LocalDate dueOn, ActionStatus status,
                                       Optional<PendingCheck> pendingCheck) {

    /**
     * A re-inspection that decides whether a done action worked; the quality department carries it out.
     *
     * @param checkId     the id inspectors report its result under, e.g. {@code EC-2026-11-5f0c1d2e3a4b5c6d-1}
     * @param scheduledOn the day the action was done, when its clock starts
     * @param dueOn       the check is due by the end of this day
     */
    public record PendingCheck(String checkId, LocalDate scheduledOn, LocalDate dueOn) {
        public PendingCheck {
            Objects.requireNonNull(checkId, "checkId");
            Objects.requireNonNull(scheduledOn, "scheduledOn");
            Objects.requireNonNull(dueOn, "dueOn");
        }
    }

    /** An action with no effectiveness check pending. */
    public CorrectiveActionSnapshot(String branch, String actionId, String inspectionId, String owner,
                                    LocalDate inspectedOn, LocalDate dueOn, ActionStatus status) {
        this(branch, actionId, inspectionId, owner, inspectedOn, dueOn, status, Optional.empty());
    }

    public CorrectiveActionSnapshot {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(inspectedOn, "inspectedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(pendingCheck, "pendingCheck");
    }
}

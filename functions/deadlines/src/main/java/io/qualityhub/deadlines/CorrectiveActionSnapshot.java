package io.qualityhub.deadlines;

import java.time.LocalDate;
import java.util.Objects;

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
 */
public record CorrectiveActionSnapshot(String branch, String actionId, String inspectionId, String owner,
                                       LocalDate inspectedOn, LocalDate dueOn, ActionStatus status) {

    public CorrectiveActionSnapshot {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(inspectedOn, "inspectedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(status, "status");
    }
}

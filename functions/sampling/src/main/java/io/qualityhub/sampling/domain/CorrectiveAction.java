package io.qualityhub.sampling.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a failed inspection obliges its owner to fix by a date; the deadline monitor watches open ones. One action
 * per failed inspection, so its id follows from the inspection's.
 *
 * @param closedOn when it was reported done or verified, if the findings row said so
 */
public record CorrectiveAction(String actionId, String inspectionId, String recordType, String branch,
                               FindingSeverity severity, String owner, LocalDate dueOn, ActionStatus status,
                               Optional<LocalDate> closedOn) {

    public CorrectiveAction {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(closedOn, "closedOn");
    }

    /** {@code CA-} followed by the inspection id without its {@code INS-} prefix. */
    public static String idFor(String inspectionId) {
        return "CA-" + (inspectionId.startsWith("INS-") ? inspectionId.substring(4) : inspectionId);
    }
}

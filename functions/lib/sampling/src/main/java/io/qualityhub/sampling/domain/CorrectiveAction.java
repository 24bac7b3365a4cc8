package io.qualityhub.sampling.domain;

import io.qualityhub.core.format.FindingSeverity;
import io.qualityhub.core.format.ActionStatus;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a failed inspection obliges its owner to fix by a date; the deadline monitor watches open ones, and the
 * effectiveness check of done ones. One action per failed inspection, so its id follows from the inspection's.
 *
 * @param closedOn     when it was reported done, if the findings row said so
 * @param check        the latest effectiveness check, scheduled when the action was done
 * @param checksFailed how many of its checks failed, each reopening it
 */
public record CorrectiveAction(String actionId, String inspectionId, String recordType, String branch,
                               FindingSeverity severity, String owner, LocalDate dueOn, ActionStatus status,
                               Optional<LocalDate> closedOn, Optional<EffectivenessCheck> check, int checksFailed) {

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
        Objects.requireNonNull(check, "check");
        if (checksFailed < 0) {
            throw new IllegalArgumentException("action " + actionId + " cannot have " + checksFailed + " failed checks");
        }
    }

    /** {@code CA-} followed by the inspection id without its {@code INS-} prefix. */
    public static String idFor(String inspectionId) {
        return "CA-" + (inspectionId.startsWith("INS-") ? inspectionId.substring(4) : inspectionId);
    }

    /** A failed check reopened it and it is not yet done again. */
    public boolean reopened() {
        return status == ActionStatus.OPEN && check.map(EffectivenessCheck::failed).orElse(false);
    }
}

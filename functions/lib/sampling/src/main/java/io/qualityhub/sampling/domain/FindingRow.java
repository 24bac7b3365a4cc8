package io.qualityhub.sampling.domain;

import io.qualityhub.core.format.Verdict;
import io.qualityhub.core.format.FindingSeverity;
import io.qualityhub.core.format.ActionStatus;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The structured part of a {@code findings} upload row. The free-text columns {@code finding} and
 * {@code corrective_action} are sensitive and stay with the encrypted stored row; the workflow never needs them.
 *
 * @param severity       required on {@link Verdict#FAIL}, else {@code null}
 * @param actionOwner    required on fail, else {@code null}
 * @param actionDueOn    required on fail, else {@code null}
 * @param actionStatus   {@code null} means {@link ActionStatus#OPEN}
 * @param actionClosedOn when a done or verified action was closed, or {@code null}
 */
public record FindingRow(String inspectionId, String inspectorId, LocalDate inspectedOn, Verdict result,
                         FindingSeverity severity, String actionOwner, LocalDate actionDueOn,
                         ActionStatus actionStatus, LocalDate actionClosedOn) {

    public FindingRow {
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(inspectorId, "inspectorId");
        Objects.requireNonNull(inspectedOn, "inspectedOn");
        Objects.requireNonNull(result, "result");
        if (result == Verdict.FAIL && (severity == null || actionOwner == null || actionDueOn == null)) {
            throw new IllegalArgumentException("finding for " + inspectionId + " is a fail without severity,"
                    + " action_owner or action_due_on; intake must reject such rows before they get here");
        }
    }

    public static FindingRow pass(String inspectionId, String inspectorId, LocalDate inspectedOn) {
        return new FindingRow(inspectionId, inspectorId, inspectedOn, Verdict.PASS, null, null, null, null, null);
    }

    public ActionStatus actionStatusOrOpen() {
        return actionStatus == null ? ActionStatus.OPEN : actionStatus;
    }
}

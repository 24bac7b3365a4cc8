package io.qualityhub.sampling.domain;

/** Why a findings row was not applied; the text goes into the rejects report next to the row's line number. */
public enum RejectReason {
    UNKNOWN_INSPECTION("inspection_id matches no inspection task; copy it from the team's task list"),
    RESULT_CONFLICT("the inspection already has the opposite result on record; a result is recorded once, so ask"
            + " the quality department's administrator to correct the stored result"),
    INSPECTOR_NOT_ASSIGNED("inspector_id is not an inspector assigned to this inspection, so the finding does not"
            + " count (policy II.2: independent inspection); the task list's inspector_id and second_inspector_id"
            + " name who may report it"),
    DONE_BEFORE_RECHECK("the corrective action was reopened by a failed effectiveness check after the day this row"
            + " reports it done; report it done again with an action_closed_on after the failed check");

    private final String explanation;

    RejectReason(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}

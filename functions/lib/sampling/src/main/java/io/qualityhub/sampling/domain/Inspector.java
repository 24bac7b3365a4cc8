package io.qualityhub.sampling.domain;

import java.util.Objects;

/**
 * One row of the inspector roster ({@code incoming/QA/{date}/inspectors.csv}): staff ids and codes only.
 *
 * @param homeBranch the branch the inspector belongs to, whose records they never inspect (policy II.2)
 * @param team       the record type the inspector inspects, or {@value #ALL_TEAMS}
 * @param capacity   tasks per month the inspector can take
 */
public record Inspector(String inspectorId, String homeBranch, String team, int capacity, boolean active) {

    public static final String ALL_TEAMS = "all";

    public Inspector {
        Objects.requireNonNull(inspectorId, "inspectorId");
        Objects.requireNonNull(homeBranch, "homeBranch");
        Objects.requireNonNull(team, "team");
        if (capacity < 0) {
            throw new IllegalArgumentException("inspector " + inspectorId + " has capacity " + capacity
                    + "; it is at least 0");
        }
    }

    /** Active, on the team for the record's type, and not from the record's own branch. */
    public boolean mayInspect(RecordKey record) {
        return active && (team.equals(ALL_TEAMS) || team.equals(record.recordType()))
                && !homeBranch.equals(record.branch());
    }
}

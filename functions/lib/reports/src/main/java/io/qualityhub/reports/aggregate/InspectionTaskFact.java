package io.qualityhub.reports.aggregate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An inspection task the sampling issued, by the branch whose record it inspects, with its due date and whether
 * it has a result. Coverage counts the tasks due by a report's as-of date, so a task issued today, not yet due,
 * does not count against the branch.
 */
public record InspectionTaskFact(String branch, InspectionType type, LocalDate dueOn, boolean done) implements Fact {

    public InspectionTaskFact {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dueOn, "dueOn");
    }

    /** The counter dimension: type code and due date, so "due by D" sums the dimensions of one type up to D. */
    public static String dimension(InspectionType type, LocalDate dueOn) {
        return type.code() + "@" + dueOn;
    }
}

package io.qualityhub.sampling.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A recorded violation as repeat-violator checks read it: ids, codes and the day, never what was done.
 *
 * @param department the staff member's department as the violation states it ({@code sales}, {@code claims}...)
 * @param branch     the branch that reported it; with {@code recordId}, what makes it one violation
 */
public record Violation(String staffId, String department, String branch, String recordId, LocalDate occurredOn) {

    public Violation {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(occurredOn, "occurredOn");
    }
}

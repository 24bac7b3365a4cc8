package io.qualityhub.sampling.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A member of staff flagged as a repeat violator (policy III.4.3): staff id, codes, counts and dates only.
 *
 * @param department   the department of their latest violation in the window
 * @param branches     the branches that reported their violations in the window, in order
 * @param violationIds the violations' record ids ({@code branch/record_id}), oldest first
 */
public record RepeatViolator(String staffId, String department, List<String> branches, int violations,
                             LocalDate firstOn, LocalDate lastOn, List<String> violationIds) {

    public RepeatViolator {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(department, "department");
        branches = List.copyOf(branches);
        violationIds = List.copyOf(violationIds);
    }
}

package io.qualityhub.reports.indicator;

import io.qualityhub.reports.aggregate.BranchTallies;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The tallies of one scope over one period, and the date that "overdue" is judged against.
 */
public record MeasureContext(BranchTallies tallies, LocalDate asOf) {

    public MeasureContext {
        Objects.requireNonNull(tallies, "tallies");
        Objects.requireNonNull(asOf, "asOf");
    }
}

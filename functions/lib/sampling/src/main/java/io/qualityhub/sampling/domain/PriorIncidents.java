package io.qualityhub.sampling.domain;

import java.util.Objects;
import java.util.Set;

/**
 * Staff ids with prior complaints against them or recorded violations, as known when the period is sampled.
 *
 * @param repeatViolators the staff among them who are repeat violators ({@link RepeatViolators}) as the period begins
 */
public record PriorIncidents(Set<String> staffIds, Set<String> repeatViolators) {

    public static final PriorIncidents NONE = new PriorIncidents(Set.of());

    public PriorIncidents {
        staffIds = Set.copyOf(Objects.requireNonNull(staffIds, "staffIds"));
        repeatViolators = Set.copyOf(Objects.requireNonNull(repeatViolators, "repeatViolators"));
    }

    public PriorIncidents(Set<String> staffIds) {
        this(staffIds, Set.of());
    }

    public boolean involves(String staffId) {
        return staffIds.contains(staffId);
    }

    public boolean isRepeatViolator(String staffId) {
        return repeatViolators.contains(staffId);
    }

    /**
     * Without the repeat violators: what a plan that does not weigh them draws from, and fingerprints, exactly as
     * before they were known.
     */
    public PriorIncidents withoutRepeatViolators() {
        return new PriorIncidents(staffIds);
    }
}

package io.qualityhub.sampling.domain;

import java.util.Objects;
import java.util.Set;

/** Staff ids with prior complaints against them or recorded violations, as known when the period is sampled. */
public record PriorIncidents(Set<String> staffIds) {

    public static final PriorIncidents NONE = new PriorIncidents(Set.of());

    public PriorIncidents {
        staffIds = Set.copyOf(Objects.requireNonNull(staffIds, "staffIds"));
    }

    public boolean involves(String staffId) {
        return staffIds.contains(staffId);
    }
}

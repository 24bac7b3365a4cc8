package io.qualityhub.sampling.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The inspector roster a period's tasks were assigned from: the latest one the quality department uploaded.
 *
 * @param businessDate the business date of the upload ({@code incoming/QA/{date}/inspectors.csv}), or {@code null}
 *                     for {@link #NONE}
 */
public record Roster(LocalDate businessDate, List<Inspector> inspectors) {

    /** No roster uploaded yet: every task stays unassigned. */
    public static final Roster NONE = new Roster(null, List.of());

    public Roster {
        inspectors = List.copyOf(inspectors);
        Set<String> ids = new HashSet<>();
        for (Inspector inspector : inspectors) {
            if (!ids.add(inspector.inspectorId())) {
                throw new IllegalArgumentException("inspector " + inspector.inspectorId() + " is on the roster of "
                        + businessDate + " twice; a roster names each inspector once");
            }
        }
        if (businessDate == null && !inspectors.isEmpty()) {
            throw new IllegalArgumentException("a roster with inspectors has the business date of its upload");
        }
    }

    public boolean uploaded() {
        return businessDate != null;
    }
}

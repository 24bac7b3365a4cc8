package io.qualityhub.reports.aggregate;

import java.util.Objects;

/**
 * A completed inspection. Findings are uploaded by the quality department under branch {@code QA},
 * so the fact names the branch whose record was inspected.
 */
public record InspectionFact(String branch, InspectionType type, boolean passed) implements Fact {

    public InspectionFact {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(type, "type");
    }
}

package io.qualityhub.reports.report;

import java.util.Map;
import java.util.Optional;

/**
 * An item behind a special report's problem, by id only, e.g. a claim settled late; in a company-wide list the id is
 * qualified with its branch ({@code TPE-01:理賠-001}), as ids are unique only within a branch.
 *
 * @param reason a code such as {@code settled_late} or {@code open_overdue}
 */
public record ProblemItem(String itemId, String reason) {

    /** The indicator each reason the aggregates record falls short on. */
    private static final Map<String, String> INDICATOR_OF_REASON = Map.of(
            "settled_late", "claims.settled_on_time_pct",
            "resolved_late", "complaints.resolved_on_time_pct");

    public ProblemItem {
        ItemIds.requireBranchQualifiedId("problem item id", itemId);
        ItemIds.requireCode("problem item reason", reason);
    }

    /** The indicator this item falls short on, if its reason is one an indicator counts. */
    public Optional<String> indicatorId() {
        return Optional.ofNullable(INDICATOR_OF_REASON.get(reason));
    }
}

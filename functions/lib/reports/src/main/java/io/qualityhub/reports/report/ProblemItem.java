package io.qualityhub.reports.report;

/**
 * An item behind a special report's problem, by id only, e.g. a claim settled late.
 *
 * @param reason a code such as {@code settled_late} or {@code open_overdue}
 */
public record ProblemItem(String itemId, String reason) {

    public ProblemItem {
        ItemIds.requireId("problem item id", itemId);
        ItemIds.requireCode("problem item reason", reason);
    }
}

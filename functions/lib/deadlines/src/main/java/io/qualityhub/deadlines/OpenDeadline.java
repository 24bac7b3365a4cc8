package io.qualityhub.deadlines;

import java.time.Instant;
import java.util.Objects;

/**
 * One clock running on an open item.
 *
 * @param itemType  claim, complaint or corrective action
 * @param itemId    the item's id as the branch sent it
 * @param branch    the item's branch, whose managers hear of it
 * @param clock     which clock this is
 * @param startedAt when the clock started
 * @param dueAt     when the limit runs out (for day limits, the end of the last day in the company time zone)
 * @param limit     the limit applied
 * @param category  what kind of item, for people: product line and complexity of a claim, severity of a complaint,
 *                  inspection of an action
 * @param assignee  the staff id of the handler, complaint handler or action owner; null when unassigned
 * @param major     a major complaint: head office quality hears of it at every level
 */
public record OpenDeadline(ItemType itemType, String itemId, String branch, DeadlineClockName clock, Instant startedAt,
                           Instant dueAt, DeadlineLimit limit, String category, String assignee, boolean major) {

    public OpenDeadline {
        Objects.requireNonNull(itemType, "itemType");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(category, "category");
    }
}

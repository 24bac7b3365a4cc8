package io.qualityhub.deadlines;

import java.util.List;
import java.util.Objects;

/**
 * The machine-readable trace of what one recipient was told: for a level, item type, clock and branch, the ids. Written to
 * the run's alert record and to {@code summary.json}'s {@code alerts} array; plain strings so it serialises as is.
 *
 * @param level     alert level wire name, e.g. {@code overdue}
 * @param recipient the e-mail address
 * @param itemType  {@code claim}, {@code complaint} or {@code action}
 * @param clock     the policy's clock id, e.g. {@code claim.denial_notice}
 * @param branch    the branch the ids belong to (ids are unique only within a branch)
 * @param itemIds   the ids as the branch sent them, sorted
 */
public record AlertRecord(String level, String recipient, String itemType, String clock, String branch,
                          List<String> itemIds) {

    public AlertRecord {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(itemType, "itemType");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(branch, "branch");
        itemIds = List.copyOf(itemIds);
    }
}

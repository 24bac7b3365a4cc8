package io.qualityhub.reports.aggregate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The monitor's count of claims open past their settlement deadline at the end of a day. Open items are a
 * level, not a flow: no upload carries them, and a period takes the latest snapshot per branch
 * instead of a sum.
 */
public record OpenItemsSnapshot(String branch, LocalDate asOf, long overdueOpenClaims)
        implements Fact {

    public OpenItemsSnapshot {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(asOf, "asOf");
        if (overdueOpenClaims < 0) {
            throw new IllegalArgumentException("an overdue claim count cannot be negative: " + overdueOpenClaims);
        }
    }
}

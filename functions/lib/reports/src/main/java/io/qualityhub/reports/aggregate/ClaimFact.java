package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.ClaimStatus;
import io.qualityhub.core.format.Complexity;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A claim's state as of the latest row for it in one uploaded file.
 *
 * <p>A claim appears in many files as it moves on. It counts as settled on the local date of its
 * {@code closedAt}, once, from its latest state whichever file carried it ({@link RecordContribution}):
 * an accumulator keyed by that day counts the settlement.
 *
 * @param settledWithinDeadline the monitor's verdict for a settled claim (product, complexity and
 *                              green-channel deadlines live there); {@code null} while not settled
 */
public record ClaimFact(Complexity complexity, boolean greenChannel, ClaimStatus status, OffsetDateTime reportedAt,
                        OffsetDateTime closedAt, Boolean settledWithinDeadline) implements Fact {

    public ClaimFact {
        Objects.requireNonNull(complexity, "complexity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }

    /**
     * Closed or rejected: a decision reached the customer. A withdrawn claim is not a settlement and
     * stays out of timeliness and cycle times.
     */
    public boolean settled() {
        return (status == ClaimStatus.CLOSED || status == ClaimStatus.REJECTED) && closedAt != null;
    }
}

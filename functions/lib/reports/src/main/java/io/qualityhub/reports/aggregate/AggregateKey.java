package io.qualityhub.reports.aggregate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Identifies one aggregate: the uploaded object it summarises ({@link #slot()}) and which
 * generation of that object it is. A re-upload of the same key gets a higher generation (for
 * example the intake batch sequence number) and replaces the lower one exactly.
 */
public record AggregateKey(String branch, LocalDate businessDate, AggregateOrigin recordType, long generation) {

    public AggregateKey {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(recordType, "recordType");
        if (branch.isBlank()) {
            throw new IllegalArgumentException("aggregate key needs a branch code, got a blank one");
        }
        if (generation < 0) {
            throw new IllegalArgumentException("aggregate generation must be >= 0, got " + generation);
        }
    }

    /** The (branch, business date, record type) slot that at most one generation occupies. */
    public SourceSlot slot() {
        return new SourceSlot(branch, businessDate, recordType);
    }

    public record SourceSlot(String branch, LocalDate businessDate, AggregateOrigin recordType) {
    }
}

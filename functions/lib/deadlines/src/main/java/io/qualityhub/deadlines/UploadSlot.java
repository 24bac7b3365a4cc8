package io.qualityhub.deadlines;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One branch file of one business date: what an upload calendar expects and what the arrivals ledger records.
 *
 * @param branch       the branch code
 * @param type         the record type's wire name ({@code claims})
 * @param businessDate the business date in the upload's key
 */
public record UploadSlot(String branch, String type, LocalDate businessDate) {

    public UploadSlot {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(businessDate, "businessDate");
    }

    /** {@code BRANCH/type/YYYY-MM-DD}: the item id of the upload's alerts. */
    public String itemId() {
        return branch + "/" + type + "/" + businessDate;
    }
}

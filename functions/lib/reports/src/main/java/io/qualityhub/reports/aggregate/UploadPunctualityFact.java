package io.qualityhub.reports.aggregate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The monitor's count of one branch's expected files for a business date and how many were taken by their cutoff,
 * written once the cutoff passed (docs/uploads.md). Like {@link OpenItemsSnapshot}, no upload carries it.
 */
public record UploadPunctualityFact(String branch, LocalDate businessDate, long expected, long onTime) implements Fact {

    public UploadPunctualityFact {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(businessDate, "businessDate");
        if (expected < 0 || onTime < 0 || onTime > expected) {
            throw new IllegalArgumentException("on-time files must be between 0 and the " + expected + " expected, were "
                    + onTime);
        }
    }
}

package io.qualityhub.sampling.domain;

import java.util.Comparator;
import java.util.Objects;

/**
 * A sampling stratum: branch x record type, or branch x record type x product line when the plan stratifies by
 * product line.
 *
 * @param productLine the product line, or {@code null} when the type is not stratified by product line
 */
public record Stratum(String recordType, String branch, String productLine) implements Comparable<Stratum> {

    private static final Comparator<Stratum> ORDER = Comparator.comparing(Stratum::recordType)
            .thenComparing(Stratum::branch)
            .thenComparing(Stratum::productLine, Comparator.nullsFirst(Comparator.naturalOrder()));

    public Stratum {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(branch, "branch");
    }

    @Override
    public int compareTo(Stratum other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return recordType + "/" + branch + (productLine == null ? "" : "/" + productLine);
    }
}

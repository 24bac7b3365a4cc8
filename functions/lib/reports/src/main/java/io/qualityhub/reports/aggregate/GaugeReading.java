package io.qualityhub.reports.aggregate;

import java.time.LocalDate;
import java.util.Objects;

/** A level as of the end of a day. */
public record GaugeReading(LocalDate asOf, long value) {

    public GaugeReading {
        Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * The later reading wins; on the same day the larger value, so merging stays commutative
     * and associative whatever order the aggregates arrive in.
     */
    public static GaugeReading latest(GaugeReading a, GaugeReading b) {
        int byDate = a.asOf.compareTo(b.asOf);
        if (byDate != 0) {
            return byDate > 0 ? a : b;
        }
        return a.value >= b.value ? a : b;
    }
}

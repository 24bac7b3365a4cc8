package io.qualityhub.local.generate;

import java.util.Map;
import java.util.TreeMap;

/**
 * What was written into one file: data rows (good and bad) and, of those, the deliberately bad rows by
 * the reject reason the intake is expected to report.
 */
public record RowCounts(long rows, long badRows, Map<String, Long> badRowsByReason) {

    public RowCounts {
        badRowsByReason = Map.copyOf(badRowsByReason);
    }

    public long goodRows() {
        return rows - badRows;
    }

    /** The reasons in alphabetical order, e.g. {@code DATE_ORDER=3, MISSING_REQUIRED=1}. */
    public String describeReasons() {
        return new TreeMap<>(badRowsByReason).toString().replaceAll("[{}]", "");
    }
}

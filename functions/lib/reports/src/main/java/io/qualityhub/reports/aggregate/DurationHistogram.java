package io.qualityhub.reports.aggregate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mergeable sketch of durations: counts in fixed buckets, so per-file sketches add up to the
 * period's sketch exactly and no list of raw durations is kept.
 *
 * <p>A duration falls in the first bucket whose upper edge it does not exceed. Edges are 0 h, then
 * every hour up to 48 h, every 6 hours up to 7 days, every day up to 90 days, and every week up to
 * 370 days; anything longer goes in an overflow bucket. A percentile is reported as the upper edge
 * of its bucket, so it is exact for durations on an edge and otherwise at most one bucket width
 * high: 1 hour under 2 days, 6 hours under 7 days, 1 day under 90 days, 7 days beyond. Durations
 * past the last edge are reported as the last edge (read it as "at least").
 */
public final class DurationHistogram {

    private static final long[] UPPER_EDGES_HOURS = buildEdges();
    /** Bucket count including the overflow bucket. */
    public static final int BUCKETS = UPPER_EDGES_HOURS.length + 1;
    private static final DurationHistogram EMPTY = new DurationHistogram(new long[BUCKETS]);

    private final long[] counts;

    private DurationHistogram(long[] counts) {
        this.counts = counts;
    }

    public static DurationHistogram empty() {
        return EMPTY;
    }

    /** Sparse form, bucket index to count, as stored; zero counts may be left out. */
    public static DurationHistogram fromBuckets(Map<Integer, Long> sparseCounts) {
        long[] counts = new long[BUCKETS];
        sparseCounts.forEach((index, count) -> {
            if (index < 0 || index >= BUCKETS) {
                throw new IllegalArgumentException(
                        "histogram bucket " + index + " is outside 0.." + (BUCKETS - 1));
            }
            if (count < 0) {
                throw new IllegalArgumentException("histogram bucket " + index + " has a negative count");
            }
            counts[index] = count;
        });
        return new DurationHistogram(counts);
    }

    public static int bucketOf(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration cannot be negative: " + duration);
        }
        long seconds = duration.toSeconds() + (duration.getNano() > 0 ? 1 : 0);
        int low = 0;
        int high = UPPER_EDGES_HOURS.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (seconds <= UPPER_EDGES_HOURS[mid] * 3600) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    public DurationHistogram plus(Duration duration) {
        long[] copy = counts.clone();
        copy[bucketOf(duration)]++;
        return new DurationHistogram(copy);
    }

    public DurationHistogram merge(DurationHistogram other) {
        long[] sum = counts.clone();
        for (int i = 0; i < BUCKETS; i++) {
            sum[i] += other.counts[i];
        }
        return new DurationHistogram(sum);
    }

    /** Accumulates bucket counts in place; for the accumulator, which owns the array. */
    static void addTo(long[] target, Duration duration) {
        target[bucketOf(duration)]++;
    }

    static DurationHistogram ofCounts(long[] counts) {
        return new DurationHistogram(counts.clone());
    }

    public long count() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /**
     * The nearest-rank percentile in hours: the upper edge of the bucket holding the
     * ceil(percent/100 * n)-th smallest duration. Null when the histogram is empty.
     */
    public Long percentileHours(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percentile must be 1-100, got " + percent);
        }
        long n = count();
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (percent * n + 99) / 100);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return UPPER_EDGES_HOURS[Math.min(i, UPPER_EDGES_HOURS.length - 1)];
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond count " + n);
    }

    public Map<Integer, Long> nonZeroBuckets() {
        Map<Integer, Long> sparse = new TreeMap<>();
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] != 0) {
                sparse.put(i, counts[i]);
            }
        }
        return sparse;
    }

    public static long upperEdgeHours(int bucket) {
        return UPPER_EDGES_HOURS[Math.min(bucket, UPPER_EDGES_HOURS.length - 1)];
    }

    private static long[] buildEdges() {
        List<Long> edges = new ArrayList<>();
        edges.add(0L);
        for (long h = 1; h <= 48; h++) {
            edges.add(h);
        }
        for (long h = 54; h <= 168; h += 6) {
            edges.add(h);
        }
        for (long h = 192; h <= 90 * 24; h += 24) {
            edges.add(h);
        }
        for (long h = 90 * 24 + 168; h <= 370 * 24; h += 168) {
            edges.add(h);
        }
        return edges.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DurationHistogram h && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "DurationHistogram" + nonZeroBuckets();
    }
}

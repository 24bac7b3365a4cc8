package io.qualityhub.reports.aggregate;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DurationHistogramTest {

    @Test
    void percentilesAreExactForDurationsOnBucketEdges() {
        DurationHistogram histogram = DurationHistogram.empty();
        for (long hours : new long[] {5, 30, 72, 240, 1008}) {
            histogram = histogram.plus(Duration.ofHours(hours));
        }
        assertEquals(72L, histogram.percentileHours(50)); // 3rd of 5
        assertEquals(1008L, histogram.percentileHours(90)); // ceil(4.5) = 5th; 1008 h = 42 days, a daily edge
    }

    @Test
    void aDurationBetweenEdgesReportsTheUpperEdgeOfItsBucket() {
        DurationHistogram histogram = DurationHistogram.empty().plus(Duration.ofHours(49).plusMinutes(1));
        assertEquals(54L, histogram.percentileHours(50)); // 6-hour buckets from 48 h to 7 days
        assertEquals(1L, DurationHistogram.empty().plus(Duration.ofMinutes(1)).percentileHours(50));
        assertEquals(0L, DurationHistogram.empty().plus(Duration.ZERO).percentileHours(50));
        assertEquals(192L, DurationHistogram.empty().plus(Duration.ofHours(169)).percentileHours(50));
    }

    @Test
    void durationsBeyondTheLastEdgeReportTheLastEdge() {
        assertEquals(370L * 24, DurationHistogram.empty().plus(Duration.ofDays(500)).percentileHours(99));
    }

    @Test
    void anEmptyHistogramHasNoPercentile() {
        assertNull(DurationHistogram.empty().percentileHours(50));
    }
}

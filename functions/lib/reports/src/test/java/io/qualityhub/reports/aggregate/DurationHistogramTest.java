package io.qualityhub.reports.aggregate;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void aDurationAnyFractionOfASecondPastAnEdgeCountsInTheNextBucket() {
        assertEquals(2L, DurationHistogram.empty().plus(Duration.ofHours(1).plusNanos(1)).percentileHours(50));
        assertEquals(1L, DurationHistogram.empty().plus(Duration.ofHours(1)).percentileHours(50));
    }

    @Test
    void theStoredFormReadsBackWithTheFirstAndLastBucketAndZeroCounts() {
        int last = 192; // the overflow bucket
        DurationHistogram stored = DurationHistogram.fromBuckets(Map.of(0, 2L, 5, 0L, last, 1L));

        assertEquals(Map.of(0, 2L, last, 1L), stored.nonZeroBuckets());
        assertEquals(3, stored.count());
        assertEquals(0L, stored.percentileHours(50));
        assertEquals(370L * 24, stored.percentileHours(100));
        assertEquals(DurationHistogram.empty().plus(Duration.ZERO).plus(Duration.ZERO).plus(Duration.ofDays(400)), stored);
    }

    @Test
    void aStoredFormWithABucketOutsideTheHistogramOrANegativeCountIsRefused() {
        // 193 buckets: 0 h, 48 hourly, 20 six-hourly, 83 daily and 40 weekly edges, and the overflow
        assertEquals(193, DurationHistogram.BUCKETS);
        IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class,
                () -> DurationHistogram.fromBuckets(Map.of(193, 1L)));
        assertEquals("histogram bucket 193 is outside 0..192", beyond.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DurationHistogram.fromBuckets(Map.of(-1, 1L)));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> DurationHistogram.fromBuckets(Map.of(3, -1L)));
        assertEquals("histogram bucket 3 has a negative count", negative.getMessage());
    }

    @Test
    void histogramsWithDifferentCountsAreNotEqual() {
        DurationHistogram oneHour = DurationHistogram.empty().plus(Duration.ofHours(1));
        assertNotEquals(oneHour, DurationHistogram.empty().plus(Duration.ofHours(2)));
        assertNotEquals(oneHour, oneHour.plus(Duration.ofHours(1)));
        assertEquals(oneHour, DurationHistogram.fromBuckets(Map.of(1, 1L)));
    }

    @Test
    void percentilesFromTheFirstToTheHundredthAreAnsweredAndOthersRefused() {
        DurationHistogram histogram = DurationHistogram.empty().plus(Duration.ofHours(3)).plus(Duration.ofDays(30));
        assertEquals(3L, histogram.percentileHours(1));
        assertEquals(720L, histogram.percentileHours(100));
        assertEquals("percentile must be 1-100, got 0",
                assertThrows(IllegalArgumentException.class, () -> histogram.percentileHours(0)).getMessage());
        assertEquals("percentile must be 1-100, got 101",
                assertThrows(IllegalArgumentException.class, () -> histogram.percentileHours(101)).getMessage());
    }

    @Test
    void theUpperEdgeOfEachKindOfBucket() {
        assertEquals(0L, DurationHistogram.upperEdgeHours(0));
        assertEquals(48L, DurationHistogram.upperEdgeHours(48));
        assertEquals(54L, DurationHistogram.upperEdgeHours(49));
        assertEquals(192L, DurationHistogram.upperEdgeHours(69));
        assertEquals(370L * 24, DurationHistogram.upperEdgeHours(191));
        assertEquals(370L * 24, DurationHistogram.upperEdgeHours(192), "the overflow bucket reads as its lower edge");
    }
}

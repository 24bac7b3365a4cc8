package io.qualityhub.reports.indicator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MeasurementTest {

    @Test
    void aRatePer10kNeedsPoliciesInForce() {
        assertEquals(2.5, Measurement.per10k(3, 12_000L).value());
        assertNull(Measurement.per10k(3, 0L).value(), "no policies in force: no rate, not an infinite one");
        assertNull(Measurement.per10k(0, 0L).value());
        assertNull(Measurement.per10k(3, null).value());
        assertEquals(3.0, Measurement.per10k(3, 0L).numerator(), "the complaints are still counted");
    }

    @Test
    void aMeanIsTheSumOverTheResponses() {
        assertEquals(4.25, Measurement.mean(17, 4).value(), "scores 5, 4, 4 and 4");
        assertNull(Measurement.mean(0, 0).value(), "no response: no mean");
    }
}

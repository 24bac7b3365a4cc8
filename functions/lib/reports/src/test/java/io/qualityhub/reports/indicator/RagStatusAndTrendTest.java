package io.qualityhub.reports.indicator;

import org.junit.jupiter.api.Test;

import static io.qualityhub.reports.indicator.Direction.HIGHER_IS_BETTER;
import static io.qualityhub.reports.indicator.Direction.LOWER_IS_BETTER;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RagStatusAndTrendTest {

    private static final IndicatorTarget NINETY_FIVE_MARGIN_FIVE = new IndicatorTarget(95, 5, 0.5);
    private static final IndicatorTarget FIVE_MARGIN_TWO = new IndicatorTarget(5, 2, 0);

    @Test
    void higherIsBetterThresholds() {
        assertEquals(RagStatus.GREEN, RagStatus.rate(95.0, NINETY_FIVE_MARGIN_FIVE, HIGHER_IS_BETTER));
        assertEquals(RagStatus.GREEN, RagStatus.rate(100.0, NINETY_FIVE_MARGIN_FIVE, HIGHER_IS_BETTER));
        assertEquals(RagStatus.AMBER, RagStatus.rate(94.99, NINETY_FIVE_MARGIN_FIVE, HIGHER_IS_BETTER));
        assertEquals(RagStatus.AMBER, RagStatus.rate(90.0, NINETY_FIVE_MARGIN_FIVE, HIGHER_IS_BETTER));
        assertEquals(RagStatus.RED, RagStatus.rate(89.99, NINETY_FIVE_MARGIN_FIVE, HIGHER_IS_BETTER));
    }

    @Test
    void lowerIsBetterThresholds() {
        assertEquals(RagStatus.GREEN, RagStatus.rate(5.0, FIVE_MARGIN_TWO, LOWER_IS_BETTER));
        assertEquals(RagStatus.GREEN, RagStatus.rate(0.0, FIVE_MARGIN_TWO, LOWER_IS_BETTER));
        assertEquals(RagStatus.AMBER, RagStatus.rate(5.01, FIVE_MARGIN_TWO, LOWER_IS_BETTER));
        assertEquals(RagStatus.AMBER, RagStatus.rate(7.0, FIVE_MARGIN_TWO, LOWER_IS_BETTER));
        assertEquals(RagStatus.RED, RagStatus.rate(7.01, FIVE_MARGIN_TWO, LOWER_IS_BETTER));
    }

    @Test
    void zeroMarginGoesStraightFromGreenToRed() {
        IndicatorTarget zeroTolerance = new IndicatorTarget(0, 0, 0);
        assertEquals(RagStatus.GREEN, RagStatus.rate(0.0, zeroTolerance, LOWER_IS_BETTER));
        assertEquals(RagStatus.RED, RagStatus.rate(1.0, zeroTolerance, LOWER_IS_BETTER));
    }

    @Test
    void missingValueOrTargetIsNotRated() {
        assertEquals(RagStatus.NO_DATA, RagStatus.rate(null, NINETY_FIVE_MARGIN_FIVE, HIGHER_IS_BETTER));
        assertEquals(RagStatus.NOT_RATED, RagStatus.rate(50.0, null, HIGHER_IS_BETTER));
    }

    @Test
    void trendFollowsDirectionAndTolerance() {
        assertEquals(Trend.IMPROVING, Trend.of(96.0, 95.0, HIGHER_IS_BETTER, 0.5));
        assertEquals(Trend.STEADY, Trend.of(95.5, 95.0, HIGHER_IS_BETTER, 0.5));
        assertEquals(Trend.WORSENING, Trend.of(94.0, 95.0, HIGHER_IS_BETTER, 0.5));
        assertEquals(Trend.IMPROVING, Trend.of(3.0, 4.0, LOWER_IS_BETTER, 0));
        assertEquals(Trend.WORSENING, Trend.of(4.0, 3.0, LOWER_IS_BETTER, 0));
        assertEquals(Trend.NO_PREVIOUS, Trend.of(4.0, null, LOWER_IS_BETTER, 0));
    }
}

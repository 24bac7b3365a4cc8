package io.qualityhub.reports.render;

import io.qualityhub.reports.indicator.Unit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How figures read in the PDF's tables and charts, in English and Chinese. */
class NumbersTest {

    @Test
    void eachUnitReadsWithItsDecimalsAndSuffix() {
        assertEquals("92.5%", Numbers.withUnit(92.46, Unit.PERCENT));
        assertEquals("3.0 days", Numbers.withUnit(2.96, Unit.DAYS));
        assertEquals("7", Numbers.withUnit(7.0, Unit.COUNT));
        assertEquals("1.3 per 10,000 policies", Numbers.withUnit(1.25, Unit.PER_10K_POLICIES));
        assertEquals("4.13 / 5", Numbers.withUnit(4.125, Unit.SCORE));
        assertEquals("n/a", Numbers.withUnit(null, Unit.PERCENT));
    }

    @Test
    void chineseFiguresCarryChineseUnits() {
        assertEquals("92.5%", Numbers.withUnitZh(92.46, Unit.PERCENT));
        assertEquals("7 件", Numbers.withUnitZh(7.0, Unit.COUNT));
        assertEquals("3.0 天", Numbers.withUnitZh(2.96, Unit.DAYS));
        assertEquals("1.3(每萬件保單)", Numbers.withUnitZh(1.25, Unit.PER_10K_POLICIES));
        assertEquals("4.13 分", Numbers.withUnitZh(4.125, Unit.SCORE));
        assertEquals("無資料", Numbers.withUnitZh(null, Unit.DAYS));
    }

    @Test
    void narrowCellsShortenOnlyThePer10kUnit() {
        assertEquals("1.3 /10k", Numbers.compact(1.25, Unit.PER_10K_POLICIES));
        assertEquals("92.5%", Numbers.compact(92.46, Unit.PERCENT));
        assertEquals("n/a", Numbers.compact(null, Unit.PER_10K_POLICIES));
    }

    @Test
    void aFixedNumberOfDecimalsRoundsHalfUpAndKeepsTrailingZeros() {
        assertEquals("95.0", Numbers.format(95.0, 1));
        assertEquals("0.13", Numbers.format(0.125, 2));
        assertEquals("n/a", Numbers.format(null, 1));
    }
}

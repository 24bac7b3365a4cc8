package io.qualityhub.reports.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GaugeLevelsTest {

    private static final LocalDate NOV_10 = LocalDate.parse("2026-11-10");
    private static final LocalDate NOV_12 = LocalDate.parse("2026-11-12");

    private static BranchTallies reading(LocalDate day, long overdue) {
        return new BranchTallies(Map.of(), Map.of(), Map.of(Gauge.OVERDUE_OPEN_CLAIMS, new GaugeReading(day, overdue)));
    }

    private static final BranchTallies SALES_ONLY =
            new BranchTallies(Map.of(CounterKey.of(Counter.SALES_TOTAL), 4L), Map.of(), Map.of());

    @Test
    void aBranchTheLatestRunLeftOutHadNothingOpenThenAndReadsZeroAsOfThatRun() {
        Map<String, BranchTallies> settled = GaugeLevels.asOfLatestRun(Map.of(
                "TPE-01", reading(NOV_10, 3), // its last open claims closed after the 10th
                "KHH-02", reading(NOV_12, 1),
                "TXG-03", SALES_ONLY)); // never had an open claim

        assertEquals(new GaugeReading(NOV_12, 0), settled.get("TPE-01").gauge(Gauge.OVERDUE_OPEN_CLAIMS));
        assertEquals(new GaugeReading(NOV_12, 1), settled.get("KHH-02").gauge(Gauge.OVERDUE_OPEN_CLAIMS));
        assertEquals(new GaugeReading(NOV_12, 0), settled.get("TXG-03").gauge(Gauge.OVERDUE_OPEN_CLAIMS));
        assertEquals(4, settled.get("TXG-03").count(Counter.SALES_TOTAL), "the other tallies are kept");
    }

    @Test
    void withoutAnyRunInThePeriodTheLevelStaysUnknown() {
        Map<String, BranchTallies> settled = GaugeLevels.asOfLatestRun(Map.of("TXG-03", SALES_ONLY));

        assertNull(settled.get("TXG-03").gauge(Gauge.OVERDUE_OPEN_CLAIMS));
    }
}

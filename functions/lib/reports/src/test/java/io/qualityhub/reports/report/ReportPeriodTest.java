package io.qualityhub.reports.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPeriodTest {

    @Test
    void monthsQuartersAndRangesParseAndStepBack() {
        ReportPeriod january = ReportPeriod.parse("2026-01");
        assertEquals(LocalDate.parse("2026-01-31"), january.endInclusive());
        assertEquals("2025-12", january.previous().label());

        ReportPeriod q1 = ReportPeriod.parse("2026-Q1");
        assertEquals(LocalDate.parse("2026-01-01"), q1.start());
        assertEquals(LocalDate.parse("2026-03-31"), q1.endInclusive());
        assertEquals("2025-Q4", q1.previous().label());
        assertEquals(LocalDate.parse("2025-10-01"), q1.previous().start());

        ReportPeriod range = ReportPeriod.parse("2026-10-01..2026-10-15");
        assertEquals(15, range.days());
        assertEquals("2026-09-16..2026-09-30", range.previous().label());
        assertEquals(range, ReportPeriod.parse(range.label()));
    }

    @Test
    void aBadPeriodSaysWhichFormsAreAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse("Oct 2026"));
        assertTrue(e.getMessage().contains("a month (2026-10), a quarter (2026-Q4) or a range"), e.getMessage());
    }
}

package io.qualityhub.sampling.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {

    @Test
    void monthRunsFromItsFirstToItsLastDay() {
        Period november = Period.parse("2026-11");
        assertEquals(PeriodType.MONTHLY, november.type());
        assertEquals(LocalDate.of(2026, 11, 1), november.start());
        assertEquals(LocalDate.of(2026, 11, 30), november.end());
        assertEquals("2026-11", november.toString());
        assertEquals(LocalDate.of(2028, 2, 29), Period.parse("2028-02").end());
    }

    @Test
    void isoWeekRunsMondayToSunday() {
        Period week = Period.parse("2026-W47");
        assertEquals(PeriodType.WEEKLY, week.type());
        assertEquals(LocalDate.of(2026, 11, 16), week.start());
        assertEquals(LocalDate.of(2026, 11, 22), week.end());
        assertEquals("2026-W47", week.toString());
    }

    @Test
    void isoWeeksCrossYearEnds() {
        // 1 January 2026 is a Thursday: week 1 of 2026 starts on 29 December 2025, and 2026 has 53 weeks.
        assertEquals(LocalDate.of(2025, 12, 29), Period.parse("2026-W01").start());
        assertEquals("2026-W01", Period.containing(LocalDate.of(2025, 12, 29), PeriodType.WEEKLY).toString());
        assertEquals(LocalDate.of(2027, 1, 3), Period.parse("2026-W53").end());
        assertEquals("2026-W53", Period.containing(LocalDate.of(2027, 1, 1), PeriodType.WEEKLY).toString());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Period.parse("2025-W53"));
        assertEquals("week 53 does not exist in ISO year 2025, which has weeks 1 to 52", error.getMessage());
    }

    @Test
    void periodContainingADateFollowsThePlanPeriodType() {
        LocalDate date = LocalDate.of(2026, 11, 24);
        assertEquals(Period.parse("2026-11"), Period.containing(date, PeriodType.MONTHLY));
        assertEquals(Period.parse("2026-W48"), Period.containing(date, PeriodType.WEEKLY));
        assertTrue(Period.parse("2026-W48").contains(date));
        assertFalse(Period.parse("2026-W47").contains(date));
    }

    @Test
    void malformedPeriodsAreRefusedWithTheAcceptedForms() {
        for (String text : new String[]{"2026-13", "2026-W5", "26-11", "2026-11-01", "2026W47"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Period.parse(text));
            assertEquals("period \"" + text + "\" is neither a month like 2026-11 nor an ISO week like 2026-W47;"
                    + " write it in one of those two forms", error.getMessage());
        }
    }
}

package io.qualityhub.sampling.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepeatViolatorsTest {

    private static final LocalDate NOVEMBER_END = LocalDate.of(2026, 11, 30);

    private static Violation violation(String staff, String branch, String id, String day) {
        return new Violation(staff, "sales", branch, id, LocalDate.parse(day));
    }

    @Test
    void twoViolationsInTheTwelveMonthsUpToTheDayFlagTheStaffMember() {
        List<Violation> violations = List.of(
                violation("AG-1", "TPE-01", "V-1", "2025-12-01"), // first day of the window
                violation("AG-1", "KHH-02", "V-2", "2026-11-30"), // its last day
                violation("AG-2", "TPE-01", "V-3", "2025-11-30"), // a day too early
                violation("AG-2", "TPE-01", "V-4", "2026-06-01"),
                violation("AG-3", "TPE-01", "V-5", "2026-12-01"), // after the day
                violation("AG-3", "TPE-01", "V-6", "2026-11-01"));

        assertEquals(List.of(new RepeatViolator("AG-1", "sales", List.of("KHH-02", "TPE-01"), 2,
                        LocalDate.of(2025, 12, 1), LocalDate.of(2026, 11, 30), List.of("TPE-01/V-1", "KHH-02/V-2"))),
                RepeatViolators.asOf(NOVEMBER_END, violations));
    }

    @Test
    void aViolationReportedTwiceCountsOnceButTheSameIdAtAnotherBranchIsAnother() {
        Violation once = violation("AG-1", "TPE-01", "V-1", "2026-03-01");
        assertEquals(List.of(), RepeatViolators.asOf(NOVEMBER_END, List.of(once, once)));
        assertEquals(List.of("AG-1"), RepeatViolators.asOf(NOVEMBER_END,
                List.of(once, violation("AG-1", "KHH-02", "V-1", "2026-04-01"))).stream()
                .map(RepeatViolator::staffId).toList());
    }

    @Test
    void theDepartmentIsTheLatestViolationsAndTheListCarriesStaffIdsCodesAndDatesOnly() {
        List<RepeatViolator> flagged = RepeatViolators.asOf(NOVEMBER_END, List.of(
                new Violation("UW-9", "sales", "TPE-01", "V-1", LocalDate.of(2026, 2, 1)),
                new Violation("UW-9", "underwriting", "TPE-01", "V-2", LocalDate.of(2026, 9, 1)),
                new Violation("UW-9", "underwriting", "TXG-03", "V-7", LocalDate.of(2026, 10, 1)),
                violation("AG-1", "KHH-02", "V-3", "2026-01-05"),
                violation("AG-1", "KHH-02", "V-4", "2026-01-06")));
        assertEquals("staff_id,department,branches,violations,first_on,last_on,violation_ids,window_from,window_to\r\n"
                + "AG-1,sales,KHH-02,2,2026-01-05,2026-01-06,KHH-02/V-3;KHH-02/V-4,2025-12-01,2026-11-30\r\n"
                + "UW-9,underwriting,TPE-01;TXG-03,3,2026-02-01,2026-10-01,TPE-01/V-1;TPE-01/V-2;TXG-03/V-7,2025-12-01,"
                + "2026-11-30\r\n", RepeatViolators.csv(NOVEMBER_END, flagged));
        assertEquals(Map.of("sales", 1L, "underwriting", 1L), RepeatViolators.perDepartment(flagged));
        assertEquals(Set.of("AG-1", "UW-9"), RepeatViolators.staffIds(flagged));
    }

    @Test
    void theWindowOfAMonthsEndStartsTheDayAfterTheSameDateAYearEarlier() {
        assertEquals(LocalDate.of(2025, 12, 1), RepeatViolators.windowStart(LocalDate.of(2026, 11, 30)));
        assertEquals(LocalDate.of(2025, 3, 1), RepeatViolators.windowStart(LocalDate.of(2026, 2, 28)));
        assertEquals(LocalDate.of(2024, 2, 29), RepeatViolators.windowStart(LocalDate.of(2025, 2, 28)), "a leap year");
    }
}

package io.qualityhub.deadlines;

import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ClaimStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static io.qualityhub.deadlines.Taipei.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BusinessDayCalendarTest {

    private static final DeadlinePolicy POLICY = DeadlinePolicyLoader.load(new ByteArrayInputStream("""
            {"version": "2026-11-1-test", "calendars": {"branchCountries": {"SHA-01": "CN"}}}
            """.getBytes(StandardCharsets.UTF_8)));
    private final DeadlineCalculator calculator = new DeadlineCalculator(POLICY);
    private final AlertLevels levels = new AlertLevels(POLICY);

    private OpenDeadline documentsClock(String branch, String reportedAt) {
        return calculator.openDeadlines(ClaimSnapshot.builder().branch(branch).claimId("CLM-2")
                .productLine(ProductLine.AUTO).complexity(Complexity.SIMPLE).status(ClaimStatus.DOCUMENTS_PENDING)
                .reportedAt(at(reportedAt)).handlerId("H-1").build()).get(0);
    }

    @Test
    void aTaiwanHolidayAndTheWeekendDoNotCount() {
        // Reported Thursday 8 October; Friday 9 is National Day observed; the three business days are 12, 13, 14.
        OpenDeadline deadline = documentsClock("TPE-01", "2026-10-08T10:00");

        assertEquals(at("2026-10-15T00:00"), deadline.dueAt());
        LevelSchedule schedule = levels.schedule(deadline);
        assertEquals(at("2026-10-14T00:00"), schedule.due());
        assertEquals(at("2026-10-20T00:00"), schedule.severelyOverdue(), "6 business days: 15, 16 and 19 October");
        assertEquals(Optional.empty(), levels.alertAt(deadline, at("2026-10-13T23:59:59")));
    }

    @Test
    void withoutTheHolidayTheSameWeekdayIsDueADayEarlier() {
        OpenDeadline deadline = documentsClock("TPE-01", "2026-11-05T10:00");

        assertEquals(at("2026-11-11T00:00"), deadline.dueAt());
    }

    @Test
    void latenessIsCountedInBusinessDays() {
        OpenDeadline deadline = documentsClock("TPE-01", "2026-10-08T10:00");

        Alert saturday = levels.alertAt(deadline, at("2026-10-17T10:00")).orElseThrow();

        assertEquals(AlertLevel.OVERDUE, saturday.level());
        assertEquals(5, saturday.used(), "12, 13, 14, 15, 16 October");
        assertEquals(2, saturday.late());
    }

    @Test
    void aMainlandBranchWorksItsMakeUpSaturday() {
        // CN: 1-7 October are holidays, Saturday 10 October is worked: 9, 10 and 12 October are the business days.
        OpenDeadline deadline = documentsClock("SHA-01", "2026-10-08T10:00");

        assertEquals(at("2026-10-13T00:00"), deadline.dueAt());
    }

    @Test
    void lunarNewYearPushesADeadlineAcrossTheWholeHoliday() {
        // Reported Friday 13 February 2026; 16-20 February are holidays in Taiwan.
        OpenDeadline deadline = documentsClock("TPE-01", "2026-02-13T10:00");

        assertEquals(at("2026-02-26T00:00"), deadline.dueAt(), "23, 24, 25 February");
    }
}

package io.qualityhub.deadlines;

import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ClaimStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 2027 days off and worked, as listed in the policy data: every weekday off and every weekend day worked. */
class Calendars2027Test {

    private static final BusinessCalendars CALENDARS = DeadlinePolicyLoader.loadDefaults().calendars();

    private static List<String> weekdaysOff(String country) {
        HolidayCalendar calendar = CALENDARS.countries().get(country);
        return Stream.iterate(LocalDate.of(2027, 1, 1), day -> day.getYear() == 2027, day -> day.plusDays(1))
                .filter(day -> day.getDayOfWeek().getValue() <= 5 && !calendar.isBusinessDay(day))
                .map(LocalDate::toString).toList();
    }

    private static List<String> weekendDaysWorked(String country) {
        HolidayCalendar calendar = CALENDARS.countries().get(country);
        return Stream.iterate(LocalDate.of(2027, 1, 1), day -> day.getYear() == 2027, day -> day.plusDays(1))
                .filter(day -> day.getDayOfWeek().getValue() > 5 && calendar.isBusinessDay(day))
                .map(LocalDate::toString).toList();
    }

    @Test
    void taiwan2027WeekdaysOff() {
        assertEquals(List.of(
                "2027-01-01",                                                     // Founding Day, Friday
                "2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", // 小年夜 to 初三, Sat/Sun in lieu
                "2027-03-01",                                                     // Peace Memorial Day on a Sunday
                "2027-04-05", "2027-04-06",                                       // Tomb Sweeping; Children's Day in lieu
                "2027-04-30",                                                     // Labour Day on a Saturday
                "2027-06-09", "2027-09-15", "2027-09-28",                         // 端午, 中秋, Teachers' Day
                "2027-10-11",                                                     // National Day on a Sunday
                "2027-10-25",                                                     // Retrocession Day, Monday
                "2027-12-24"),                                                    // Constitution Day on a Saturday
                weekdaysOff("TW"));
        assertEquals(List.of(), weekendDaysWorked("TW"), "no make-up working days, as in 2026");
    }

    @Test
    void mainland2027WeekdaysOffByTheStatutoryRules() {
        assertEquals(List.of(
                "2027-01-01",                                                     // 元旦
                "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10",           // 除夕, 初三, in lieu of Sat and Sun
                "2027-04-05",                                                     // 清明
                "2027-05-03", "2027-05-04",                                       // in lieu of 1 and 2 May
                "2027-06-09", "2027-09-15",                                       // 端午, 中秋
                "2027-10-01", "2027-10-04", "2027-10-05"),                        // 国庆, in lieu of 2 and 3 Oct
                weekdaysOff("CN"));
        assertEquals(List.of(), weekendDaysWorked("CN"), "调休 come only with the State Council notice");
    }

    @Test
    void businessDayClocksCrossTheLunarNewYear() {
        DeadlinePolicy policy = DeadlinePolicyLoader.load(new ByteArrayInputStream("""
                {"version": "2026-11-1-test", "calendars": {"branchCountries": {"SHA-01": "CN"}}}
                """.getBytes(StandardCharsets.UTF_8)));
        DeadlineCalculator calculator = new DeadlineCalculator(policy);

        // Reported Wednesday 3 February 2027. Taipei is off 4-10 February (小年夜 to 初三 and two days in lieu):
        // its 3 business days are 11, 12 and 15 February. Shanghai works Thursday 4 and is off 5-10: 4, 11, 12.
        assertEquals(Taipei.at("2027-02-16T00:00"), documentsDue(calculator, "TPE-01"));
        assertEquals(Taipei.at("2027-02-13T00:00"), documentsDue(calculator, "SHA-01"));
    }

    private static Instant documentsDue(DeadlineCalculator calculator, String branch) {
        return calculator.openDeadlines(ClaimSnapshot.builder().branch(branch).claimId("CLM-1")
                .productLine(ProductLine.AUTO).complexity(Complexity.SIMPLE).status(ClaimStatus.DOCUMENTS_PENDING)
                .reportedAt(Taipei.at("2027-02-03T10:00")).handlerId("H-1").build()).get(0).dueAt();
    }
}

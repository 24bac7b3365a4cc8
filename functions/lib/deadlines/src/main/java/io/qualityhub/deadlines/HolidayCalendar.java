package io.qualityhub.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which days count as business days in one country.
 *
 * @param country     ISO 3166 alpha-2 code, e.g. {@code TW}
 * @param weekend     days of the week that are not worked
 * @param holidays    public holidays by date, with their names
 * @param workingDays weekend days that are worked instead (make-up days, e.g. CN 調休), with their names
 * @param years       the years whose holidays are listed; outside them only the weekend is known
 * @param sources     where each listed year comes from, by year (every year of {@code years} has one)
 */
public record HolidayCalendar(String country, Set<DayOfWeek> weekend, Map<LocalDate, String> holidays,
                              Map<LocalDate, String> workingDays, Set<Integer> years,
                              Map<Integer, CalendarSource> sources) {

    public HolidayCalendar {
        Objects.requireNonNull(country, "country");
        weekend = Set.copyOf(weekend);
        holidays = Map.copyOf(holidays);
        workingDays = Map.copyOf(workingDays);
        years = Set.copyOf(years);
        sources = Map.copyOf(sources);
    }

    public boolean isBusinessDay(LocalDate date) {
        if (workingDays.containsKey(date)) {
            return true;
        }
        return !holidays.containsKey(date) && !weekend.contains(date.getDayOfWeek());
    }

    public boolean covers(int year) {
        return years.contains(year);
    }

    /**
     * The first day from {@code today} on whose holidays are not listed: 1 January after the last of the consecutive
     * covered years from today's, or today itself when today's year is not covered.
     */
    public LocalDate coverageEndsBefore(LocalDate today) {
        int year = today.getYear();
        if (!covers(year)) {
            return today;
        }
        while (covers(year + 1)) {
            year++;
        }
        return LocalDate.of(year + 1, 1, 1);
    }
}

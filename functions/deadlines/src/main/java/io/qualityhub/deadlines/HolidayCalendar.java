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
 */
public record HolidayCalendar(String country, Set<DayOfWeek> weekend, Map<LocalDate, String> holidays,
                              Map<LocalDate, String> workingDays, Set<Integer> years) {

    public HolidayCalendar {
        Objects.requireNonNull(country, "country");
        weekend = Set.copyOf(weekend);
        holidays = Map.copyOf(holidays);
        workingDays = Map.copyOf(workingDays);
        years = Set.copyOf(years);
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
}

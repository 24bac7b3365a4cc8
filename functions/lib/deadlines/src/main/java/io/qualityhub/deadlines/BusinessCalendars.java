package io.qualityhub.deadlines;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Holiday calendars by country, and which country each branch works in.
 *
 * @param defaultCountry  the country of every branch not listed in {@code branchCountries}
 * @param branchCountries branch id to country, for branches outside the default country
 * @param countries       calendar by country code
 */
public record BusinessCalendars(String defaultCountry, Map<String, String> branchCountries,
                                Map<String, HolidayCalendar> countries) {

    /** How long before a calendar's coverage ends the monitor warns: long enough to enter the next year's days. */
    public static final int COVERAGE_WARNING_DAYS = 60;


    public BusinessCalendars {
        Objects.requireNonNull(defaultCountry, "defaultCountry");
        branchCountries = Map.copyOf(branchCountries);
        countries = Map.copyOf(countries);
        if (!countries.containsKey(defaultCountry)) {
            throw new IllegalArgumentException("no calendar for the default country " + defaultCountry);
        }
        for (String country : branchCountries.values()) {
            if (!countries.containsKey(country)) {
                throw new IllegalArgumentException("no calendar for country " + country);
            }
        }
    }

    public HolidayCalendar forBranch(String branch) {
        return countries.get(branchCountries.getOrDefault(branch, defaultCountry));
    }

    /**
     * One message per country and year in {@code [from, to]} whose holidays the policy does not list. Business-day
     * deadlines in such a year count weekends only, so they may fall on a holiday; run this at start-up with a
     * horizon as long as the longest severe threshold (e.g. today and 90 days ahead) and make the result visible.
     */
    public List<String> coverageProblems(LocalDate from, LocalDate to) {
        List<String> problems = new ArrayList<>();
        for (String country : new TreeSet<>(countries.keySet())) {
            for (int year = from.getYear(); year <= to.getYear(); year++) {
                if (!countries.get(country).covers(year)) {
                    problems.add("The deadline policy lists no " + year + " holidays for " + country
                            + ": business-day deadlines in " + year + " count weekends only. Add " + year
                            + " to calendars.countries." + country + ".years and list its holidays.");
                }
            }
        }
        return problems;
    }

    /**
     * Days from {@code today} until the first day some country's holidays are not listed (0 when today's are not):
     * the figure the monitor publishes as a metric, alarmed at {@link #COVERAGE_WARNING_DAYS} or fewer.
     */
    public long daysOfCoverageLeft(LocalDate today) {
        return countries.values().stream()
                .mapToLong(calendar -> ChronoUnit.DAYS.between(today, calendar.coverageEndsBefore(today)))
                .min().orElseThrow();
    }

    /** One message per country whose listed holidays end within {@link #COVERAGE_WARNING_DAYS} days of today. */
    public List<String> coverageEndingSoon(LocalDate today) {
        List<String> messages = new ArrayList<>();
        for (String country : new TreeSet<>(countries.keySet())) {
            LocalDate end = countries.get(country).coverageEndsBefore(today);
            long left = ChronoUnit.DAYS.between(today, end);
            if (left <= COVERAGE_WARNING_DAYS) {
                messages.add("The " + country + " holiday calendar of the deadline policy ends on " + end.minusDays(1)
                        + ", in " + left + " days: add " + end.getYear() + " to calendars.countries." + country
                        + ".years with its holidays, make-up working days and source before then.");
            }
        }
        return messages;
    }

    /** One message per country and year in {@code [from, to]} whose listed days are provisional, not yet checked. */
    public List<String> provisionalYears(LocalDate from, LocalDate to) {
        List<String> messages = new ArrayList<>();
        for (String country : new TreeSet<>(countries.keySet())) {
            for (int year = from.getYear(); year <= to.getYear(); year++) {
                CalendarSource source = countries.get(country).sources().get(year);
                if (source != null && source.provisional()) {
                    messages.add("The " + year + " holidays for " + country + " are provisional (derived from the"
                            + " holiday rules, not copied from " + source.document() + "): check them against it and"
                            + " set calendars.countries." + country + ".sources." + year + ".status to official.");
                }
            }
        }
        return messages;
    }
}

package io.qualityhub.deadlines;

import java.time.LocalDate;
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
}

package io.qualityhub.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one configured branch sends: for each record type, the weekdays it is expected on (empty: every business day of
 * the branch's calendar). A weekday that is not a business day (a holiday) expects nothing.
 *
 * @param since the first business date the configuration applies to, so that configuring a branch does not turn the
 *              days before it into missing uploads
 * @param types weekdays by record type; a type not listed is not expected from this branch
 */
public record BranchUploads(LocalDate since, Map<String, Set<DayOfWeek>> types) {

    public BranchUploads {
        Objects.requireNonNull(since, "since");
        types = Map.copyOf(types);
    }

    /** Whether {@code type} is expected on {@code day}, a business day of the branch on or after {@link #since}. */
    boolean expects(String type, LocalDate day) {
        Set<DayOfWeek> weekdays = types.get(type);
        return weekdays != null && !day.isBefore(since) && (weekdays.isEmpty() || weekdays.contains(day.getDayOfWeek()));
    }
}

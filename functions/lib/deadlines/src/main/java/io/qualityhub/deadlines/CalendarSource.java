package io.qualityhub.deadlines;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one year of a country's holidays comes from.
 *
 * @param year        the calendar year
 * @param provisional true while the days were derived from the holiday rules rather than copied from the published
 *                    calendar; the monitor says so on every start until someone checks them and marks them official
 * @param document    the official calendar or notice the days come from (or will, when provisional)
 * @param published   the document's publication date, when known
 * @param basis       how provisional days were derived; empty for official ones
 */
public record CalendarSource(int year, boolean provisional, String document, Optional<LocalDate> published,
                             String basis) {

    public CalendarSource {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(basis, "basis");
    }
}

package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.Period;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Which period a record belongs to: the local date of one fixed column per type (docs/sampling.md, "Verification").
 * A fixed rule keeps a period's population reconstructible: the same stored records always give the same
 * population, whenever it is read. A claim belongs to the period it was closed in, so an open claim is not yet
 * sampled; the other types belong to the period of the event that created them.
 */
public final class PeriodMembership {

  private static final Map<String, String> DATE_COLUMN = Map.of(
      "sales", "sold_at",
      "underwriting", "received_at",
      "followups", "visited_on",
      "claims", "closed_at",
      "complaints", "received_at");

  private PeriodMembership() {}

  public static String dateColumn(String recordType) {
    String column = DATE_COLUMN.get(recordType);
    if (column == null) {
      throw new IllegalArgumentException("record type " + recordType + " has no period membership rule;"
          + " add its date column to PeriodMembership before sampling it");
    }
    return column;
  }

  /** @param value a date or a timestamp with offset; a timestamp counts on the local date written in it */
  public static Optional<LocalDate> localDate(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(value.length() == 10 ? LocalDate.parse(value) : OffsetDateTime.parse(value).toLocalDate());
  }

  public static boolean belongs(String recordType, Map<String, String> attributes, Period period) {
    return localDate(attributes.get(dateColumn(recordType)))
        .filter(period::contains)
        .isPresent();
  }
}

package io.qualityhub.sampling.function;

import io.qualityhub.core.store.PeriodIndex;
import io.qualityhub.sampling.domain.Period;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which period a record belongs to: the local date of one fixed column per type (docs/sampling.md, "Verification").
 * A fixed rule keeps a period's population reconstructible: the same stored records always give the same
 * population, whenever it is read. A claim belongs to the period it was closed in, so an open claim is not yet
 * sampled; the other types belong to the period of the event that created them.
 */
public final class PeriodMembership {

  private static final Set<String> SAMPLED_TYPES = Set.of("sales", "underwriting", "followups", "claims", "complaints");

  private PeriodMembership() {}

  /** The column whose date is the rule; the period index ({@link PeriodIndex}) holds it, so both agree. */
  public static String dateColumn(String recordType) {
    return PeriodIndex.dateAttribute(recordType).filter(column -> SAMPLED_TYPES.contains(recordType))
        .orElseThrow(() -> new IllegalArgumentException("record type " + recordType
            + " has no period membership rule; add its date column to PeriodIndex before sampling it"));
  }

  /** @param value a date or a timestamp with offset; a timestamp counts on the local date written in it */
  public static Optional<LocalDate> localDate(String value) {
    return PeriodIndex.localDate(value);
  }

  public static boolean belongs(String recordType, Map<String, String> attributes, Period period) {
    return localDate(attributes.get(dateColumn(recordType)))
        .filter(period::contains)
        .isPresent();
  }
}

package io.qualityhub.core.store;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.Timestamps;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The period index ({@value #NAME}, a sparse global secondary index of the records table): the items sampling reads,
 * keyed by record type and shard ({@value #KEY}, {@code <recordType>#<shard>}) and by the record's membership date
 * ({@value #DATE}, {@code yyyy-MM-dd}, or {@value #UNDATED} while the record has none, such as an open claim). It
 * holds the latest-state items of claims and complaints and the rows of sales, underwriting, follow-ups, violations
 * and inspectors, projecting their columns without (S) and provenance (template.yaml), so reading a period's
 * population queries that period's entries instead of scanning the history (docs/decisions/0022).
 *
 * <p>Entries follow the items: {@link RecordItemMapper} adds them where it builds an item, a replaced or withdrawn
 * generation's rows are deleted and take theirs along, and a rewritten state item carries its new date.
 */
public final class PeriodIndex {

  public static final String NAME = "PeriodIndex";
  public static final String KEY = "periodKey";
  public static final String DATE = "periodOn";
  /** Sorts after every date, so a date range never includes it. */
  public static final String UNDATED = "undated";
  /**
   * Spreads a type's entries so a day's file of a million rows does not write one index partition; a reader
   * queries every shard.
   */
  public static final int SHARDS = 16;

  /**
   * The date attribute whose local date places a record in a period: sampling's membership rule for the sampled
   * types (a claim belongs to the period it was closed in), the day of the event for violations, and the file's
   * business date for the inspectors roster.
   */
  private static final Map<String, String> DATE_ATTRIBUTE = Map.of(
      "sales", "sold_at",
      "underwriting", "received_at",
      "followups", "visited_on",
      "claims", "closed_at",
      "complaints", "received_at",
      "violations", "occurred_on",
      "inspectors", "businessDate");

  private PeriodIndex() {}

  /** The attribute dating a record of the type, if the type is indexed. */
  public static Optional<String> dateAttribute(String recordType) {
    return Optional.ofNullable(DATE_ATTRIBUTE.get(recordType));
  }

  /**
   * @param value a date or a timestamp with offset (a timestamp counts on the local date written in it); absent or
   *     empty is no date
   */
  public static Optional<LocalDate> localDate(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(value.length() == 10 ? LocalDate.parse(value) : Timestamps.parse(value).toLocalDate());
  }

  public static String key(String recordType, int shard) {
    return recordType + "#" + shard;
  }

  /**
   * Adds the index entry's keys to an item of an indexed type (nothing for other types); the item must hold its
   * partition key and provenance. Call it before the item is tagged or sealed, which cover every attribute.
   */
  public static void addEntry(RecordType type, Map<String, AttributeValue> item) {
    String dateAttribute = DATE_ATTRIBUTE.get(type.wireName());
    if (dateAttribute == null) {
      return;
    }
    AttributeValue dated = item.get(dateAttribute);
    String date = localDate(dated == null ? null : dated.s()).map(LocalDate::toString).orElse(UNDATED);
    item.put(KEY, AttributeValue.fromS(key(type.wireName(), shardOf(item.get(ItemKeys.PK).s()))));
    item.put(DATE, AttributeValue.fromS(date));
  }

  /** String's hash is fixed by the language, so a record's shard never changes between writers. */
  public static int shardOf(String partitionKey) {
    return Math.floorMod(partitionKey.hashCode(), SHARDS);
  }
}

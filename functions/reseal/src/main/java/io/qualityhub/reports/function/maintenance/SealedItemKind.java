package io.qualityhub.reports.function.maintenance;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items that carry a seal (decision 0008), by key, in the table that holds them: what the re-seal pass scans.
 * The functions that write each kind seal it as they write; this is the one list of all kinds together.
 */
enum SealedItemKind {
  /** Latest state of a claim or complaint, with its due-index entry: {@code REC#{type}#{branch}#{id} / STATE}. */
  RECORD_STATE(Table.RECORDS),
  /** A corrective action with its due-index entry: {@code ACTION#{branch}#{id} / STATE}. */
  CORRECTIVE_ACTION(Table.RECORDS),
  /**
   * A sample's header, its inspection tasks and a month's repeat violators:
   * {@code SAMPLE#{period} / SAMPLE | TASK#{id} | REPEAT_VIOLATORS}.
   */
  SAMPLE(Table.RECORDS),
  /** A file's or a monitor run's aggregate: {@code AGG#{month} / ...}. */
  AGGREGATE(Table.REPORTS);

  enum Table { RECORDS, REPORTS }

  private final Table table;

  SealedItemKind(Table table) {
    this.table = table;
  }

  Table table() {
    return table;
  }

  /** The scan filter that finds every sealed item of {@code table}, with its values. */
  static String filter(Table table) {
    return table == Table.RECORDS
        ? "(sk = :state AND (begins_with(pk, :rec) OR begins_with(pk, :action))) OR begins_with(pk, :sample)"
        : "begins_with(pk, :agg)";
  }

  static Map<String, AttributeValue> filterValues(Table table) {
    return table == Table.RECORDS
        ? Map.of(":state", s("STATE"), ":rec", s("REC#"), ":action", s("ACTION#"), ":sample", s("SAMPLE#"))
        : Map.of(":agg", s("AGG#"));
  }

  /** The kind of a scanned item; the filter lets no other item through. */
  static SealedItemKind of(Table table, String pk) {
    if (table == Table.REPORTS) {
      return AGGREGATE;
    }
    return pk.startsWith("REC#") ? RECORD_STATE : pk.startsWith("ACTION#") ? CORRECTIVE_ACTION : SAMPLE;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}

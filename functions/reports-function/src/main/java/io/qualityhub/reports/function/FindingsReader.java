package io.qualityhub.reports.function;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.reports.aggregate.Fact;
import io.qualityhub.reports.aggregate.InspectionFact;
import io.qualityhub.reports.aggregate.InspectionType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reduces the accepted rows of a findings file to inspection facts about the inspected branches. A row names only
 * its {@code inspection_id}; the branch and record type inspected are on sampling's task, looked up for up to
 * {@link #BATCH} rows at a time, so memory stays constant however long the file. Rows naming no task give no fact
 * (sampling rejects them back to the quality department). Only the structured columns are read, never
 * {@code finding} or {@code corrective_action}.
 *
 * <p>Corrective actions are not counted here: a later findings file may restate an action to report it done, so
 * the reports count them from the findings function's latest state instead ({@link ActionAggregates}).
 */
final class FindingsReader {

  /** The most keys one DynamoDB BatchGetItem takes. */
  static final int BATCH = 100;

  /** The sampled record an inspection task points at. */
  record InspectedRecord(String branch, String recordType) {
  }

  /** Sampling's tasks by inspection id; ids without a task are left out of the answer. */
  @FunctionalInterface
  interface TaskLookup {
    Map<String, InspectedRecord> find(Set<String> inspectionIds);
  }

  private static final RecordType TYPE = RecordType.FINDINGS;

  private final TaskLookup tasks;
  private final Consumer<Fact> sink;
  private final List<String[]> pending = new ArrayList<>(BATCH);

  FindingsReader(TaskLookup tasks, Consumer<Fact> sink) {
    this.tasks = tasks;
    this.sink = sink;
  }

  void accept(String[] values) {
    pending.add(values);
    if (pending.size() == BATCH) {
      flush();
    }
  }

  /** Hands over the facts of the rows still waiting for their tasks; call once after the last row. */
  void finish() {
    if (!pending.isEmpty()) {
      flush();
    }
  }

  /** The inspection type a sampled record type is reported under; follow-up calls have none in the reports. */
  static Optional<InspectionType> inspectionTypeOf(String sampledRecordType) {
    return Optional.ofNullable(switch (sampledRecordType) {
      case "sales" -> InspectionType.SALES_RECORDING;
      case "underwriting" -> InspectionType.UNDERWRITING_FILE;
      case "claims" -> InspectionType.CLAIM_FILE;
      case "complaints" -> InspectionType.COMPLAINT;
      default -> null;
    });
  }

  private void flush() {
    Set<String> ids = new LinkedHashSet<>();
    pending.forEach(values -> ids.add(text(values, "inspection_id")));
    Map<String, InspectedRecord> found = tasks.find(ids);
    for (String[] values : pending) {
      InspectedRecord record = found.get(text(values, "inspection_id"));
      if (record != null) {
        boolean passed = "pass".equals(text(values, "result"));
        inspectionTypeOf(record.recordType())
            .ifPresent(type -> sink.accept(new InspectionFact(record.branch(), type, passed)));
      }
    }
    pending.clear();
  }

  private static String text(String[] values, String column) {
    return values[TYPE.indexOf(column)];
  }
}

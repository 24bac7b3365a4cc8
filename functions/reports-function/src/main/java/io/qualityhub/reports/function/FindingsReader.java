package io.qualityhub.reports.function;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.reports.aggregate.CorrectiveActionFact;
import io.qualityhub.reports.aggregate.Fact;
import io.qualityhub.reports.aggregate.InspectionFact;
import io.qualityhub.reports.aggregate.InspectionType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reduces the accepted rows of a findings file to facts about the inspected branches. A row names only its
 * {@code inspection_id}; the branch and record type inspected are on sampling's task, looked up for up to
 * {@link #BATCH} rows at a time, so memory stays constant however long the file. Rows naming no task give no fact
 * (sampling rejects them back to the quality department). Only the structured columns are read, never
 * {@code finding} or {@code corrective_action}.
 *
 * <p>The corrective action is counted as the row states it. A done or verified action without
 * {@code action_closed_on} counts as closed on the file's business date, the latest day it can have been closed.
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
  private final LocalDate businessDate;
  private final Consumer<Fact> sink;
  private final List<String[]> pending = new ArrayList<>(BATCH);

  FindingsReader(TaskLookup tasks, LocalDate businessDate, Consumer<Fact> sink) {
    this.tasks = tasks;
    this.businessDate = businessDate;
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
        factsOf(values, record);
      }
    }
    pending.clear();
  }

  private void factsOf(String[] values, InspectedRecord record) {
    boolean passed = "pass".equals(text(values, "result"));
    inspectionTypeOf(record.recordType()).ifPresent(type -> sink.accept(new InspectionFact(record.branch(), type, passed)));
    if (passed) {
      return;
    }
    String status = text(values, "action_status");
    CorrectiveActionFact.ActionStatus actionStatus = status == null ? CorrectiveActionFact.ActionStatus.OPEN
        : CorrectiveActionFact.ActionStatus.valueOf(status.toUpperCase(Locale.ROOT));
    String closedOn = text(values, "action_closed_on");
    LocalDate closed = actionStatus == CorrectiveActionFact.ActionStatus.OPEN ? null
        : closedOn == null ? businessDate : LocalDate.parse(closedOn);
    sink.accept(new CorrectiveActionFact(record.branch(), actionStatus,
        LocalDate.parse(text(values, "action_due_on")), closed));
  }

  private static String text(String[] values, String column) {
    return values[TYPE.indexOf(column)];
  }
}

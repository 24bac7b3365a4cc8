package io.qualityhub.sampling.function;

import io.qualityhub.core.events.FileCurrentEvent;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.format.WireNamed;
import io.qualityhub.core.validate.AcceptedRows;
import io.qualityhub.core.store.CurrentFiles;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.core.format.ActionStatus;
import io.qualityhub.sampling.domain.EffectivenessSchedule;
import io.qualityhub.sampling.domain.FindingOutcome;
import io.qualityhub.sampling.domain.FindingRow;
import io.qualityhub.core.format.FindingSeverity;
import io.qualityhub.sampling.domain.RejectReason;
import io.qualityhub.sampling.domain.SamplingPlan;
import io.qualityhub.core.format.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a findings file that became current to its inspections. The file is read again from its exact object
 * version through the same decoder and scanner as intake, so exactly intake's accepted rows are applied; only the
 * structured columns are read, never {@code finding} or {@code corrective_action}. Rows naming no task, or the
 * opposite of a recorded result, go to {@code rejects/QA/<date>/findings-inspections.csv}, rewritten whole on each
 * run, so a replay changes nothing.
 */
public final class FindingsService {

  static final String REJECTS_HEADER = "line,column,reason,message";

  private final FindingsObjects objects;
  private final CurrentFiles currentFiles;
  private final InspectionStore inspections;
  private final SamplingPlan plan;
  private final AcceptedRows acceptedRows = AcceptedRows.formatVersion1();

  /** @param plan the sampling plan in force, whose {@code effectivenessCheckDays} schedule the checks of done actions */
  FindingsService(FindingsObjects objects, CurrentFiles currentFiles, InspectionStore inspections, SamplingPlan plan) {
    this.objects = objects;
    this.currentFiles = currentFiles;
    this.inspections = inspections;
    this.plan = plan;
  }

  public static String rejectsKey(LocalDate businessDate) {
    return "rejects/" + UploadKey.QUALITY_BRANCH + "/" + businessDate + "/findings-inspections.csv";
  }

  /**
   * @throws io.qualityhub.core.store.UploadMissingException when the event's object version is no longer stored
   * @return what the file did, or empty when a newer upload of the same file replaced the event's generation
   *     before it arrived: its own event applies the newer rows, and the older ones must not undo them
   */
  public Optional<FindingsResult> apply(FileCurrentEvent event) throws IOException, FileRefusedException {
    UploadKey key = UploadKey.parse(event.objectKey());
    if (key.type() != RecordType.FINDINGS) {
      throw new IllegalArgumentException("file event for " + event.objectKey() + " is not a findings upload;"
          + " the findings queue's subscription must filter on recordType findings");
    }
    if (currentFiles.ifCurrent(event).isEmpty()) {
      return Optional.empty();
    }
    String sourceSk = ItemKeys.rowSk(key.businessDate(), event.generation(), null);
    long versionMillis = key.businessDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    RecordType type = RecordType.FINDINGS;
    EffectivenessSchedule schedule = new EffectivenessSchedule(key.businessDate(), plan);
    List<FindingsResult.FindingReject> rejected = new ArrayList<>();
    int[] applied = new int[2];
    try (InputStream raw = objects.open(event)) {
      acceptedRows.forEach(raw, key, "object " + event.objectKey() + " version " + event.versionId(), (line, values) -> {
        FindingRow row = row(type, values);
        switch (FindingOutcome.apply(row, inspections.load(row.inspectionId()), schedule)) {
          case FindingOutcome.Applied(var state, boolean changed) -> {
            if (changed) {
              inspections.save(state, sourceSk, versionMillis);
            }
            applied[changed ? 0 : 1]++;
          }
          case FindingOutcome.Rejected(String inspectionId, RejectReason reason) ->
              rejected.add(new FindingsResult.FindingReject(line, inspectionId, reason.name()));
        }
      });
    }
    String rejectsKey = rejectsKey(key.businessDate());
    objects.putRejects(event.bucket(), rejectsKey, report(rejected));
    return Optional.of(new FindingsResult(rejectsKey, applied[0], applied[1], rejected));
  }

  /** Same columns as intake's rejects reports; the message explains the reason, never repeats row content. */
  static String report(List<FindingsResult.FindingReject> rejected) {
    StringBuilder csv = new StringBuilder(REJECTS_HEADER).append("\r\n");
    for (FindingsResult.FindingReject reject : rejected) {
      csv.append(reject.line()).append(",inspection_id,").append(reject.reason()).append(",\"")
          .append(RejectReason.valueOf(reject.reason()).explanation().replace("\"", "\"\"")).append("\"\r\n");
    }
    return csv.toString();
  }

  private static FindingRow row(RecordType type, String[] values) {
    return new FindingRow(
        values[type.indexOf("inspection_id")],
        values[type.indexOf("inspector_id")],
        LocalDate.parse(values[type.indexOf("inspected_on")]),
        Verdict.fromWire(values[type.indexOf("result")]),
        enumOrNull(FindingSeverity.class, values[type.indexOf("severity")]),
        values[type.indexOf("action_owner")],
        dateOrNull(values[type.indexOf("action_due_on")]),
        enumOrNull(ActionStatus.class, values[type.indexOf("action_status")]),
        dateOrNull(values[type.indexOf("action_closed_on")]));
  }

  private static <E extends Enum<E> & WireNamed> E enumOrNull(Class<E> type, String value) {
    return value == null ? null : WireNamed.parse(type, type.getSimpleName(), value);
  }

  private static LocalDate dateOrNull(String value) {
    return value == null ? null : LocalDate.parse(value);
  }
}

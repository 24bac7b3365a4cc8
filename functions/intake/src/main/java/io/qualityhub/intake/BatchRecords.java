package io.qualityhub.intake;

import io.qualityhub.core.validate.ScanResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The batch record of one file generation: key, version, SHA-256, row counts, status and timings.
 * It is written last, so its presence with a final status means the generation needs no more work.
 */
final class BatchRecords {

  /** Marks the figures of an upload an erasure rewrote: no branch manifest holds it to control totals. */
  static final String REWRITTEN_BY_ERASURE = "rewrittenByErasure";

  private BatchRecords() {}

  static boolean isFinished(Map<String, AttributeValue> record) {
    return record.containsKey("status");
  }

  /**
   * The outcome a finished batch record stands for, as a redelivery reports it. The record is keyed by its
   * generation ({@code GEN#{generation}}) and does not repeat it, so the caller, who looked it up, passes it.
   */
  static FileOutcome toOutcome(String key, String generation, Map<String, AttributeValue> record) {
    FileStatus status = FileStatus.valueOf(record.get("status").s());
    return new FileOutcome(key, status, number(record, "rowsRead"), number(record, "accepted"), number(record, "rejected"),
        List.of(), record.containsKey("refusal") ? record.get("refusal").s() : null, generation,
        record.containsKey("sha256") ? record.get("sha256").s() : null);
  }

  /** The figures the CURRENT pointer repeats, so readers see counts without a second lookup. */
  static Map<String, AttributeValue> figures(String objectKey, String versionId, String sha256, ScanResult scan) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("objectKey", s(objectKey));
    if (versionId != null) {
      item.put("objectVersionId", s(versionId));
    }
    item.put("sha256", s(sha256));
    item.put("rowsRead", n(scan.rowsRead()));
    item.put("accepted", n(scan.accepted()));
    item.put("rejected", n(scan.rejected()));
    return item;
  }

  static Map<String, AttributeValue> finished(String objectKey, FileStatus status, String sha256, ScanResult scan,
      Duration validation, Duration storage, Duration total, Instant started, String dataKeyRef) {
    Map<String, AttributeValue> item = figures(objectKey, null, sha256, scan);
    item.put("status", s(status.name()));
    item.put("startedAt", s(started.toString()));
    item.put("validateMillis", n(validation.toMillis()));
    item.put("storeMillis", n(storage.toMillis()));
    item.put("totalMillis", n(total.toMillis()));
    item.put("dataKey", s(dataKeyRef));
    return item;
  }

  static Map<String, AttributeValue> refused(String objectKey, String refusal, Instant started, Instant finished) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("objectKey", s(objectKey));
    item.put("status", s(FileStatus.REFUSED.name()));
    item.put("refusal", s(refusal));
    item.put("startedAt", s(started.toString()));
    item.put("totalMillis", n(Duration.between(started, finished).toMillis()));
    return item;
  }

  /** A manifest's upload: processed (in force) or superseded, with the number of files it declares. */
  static Map<String, AttributeValue> manifest(String objectKey, FileStatus status, int files, Instant started,
      Instant finished) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("objectKey", s(objectKey));
    item.put("status", s(status.name()));
    item.put("filesDeclared", n(files));
    item.put("startedAt", s(started.toString()));
    item.put("totalMillis", n(Duration.between(started, finished).toMillis()));
    return item;
  }

  private static long number(Map<String, AttributeValue> record, String name) {
    AttributeValue value = record.get(name);
    return value == null ? 0 : Long.parseLong(value.n());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}

package io.qualityhub.intake;

import io.qualityhub.core.validate.ScanResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attributes of batch records and of the figures a {@code CURRENT} pointer repeats, written from and read into
 * intake's typed values ({@link BatchRecord}, {@link BatchProgress}, {@link FileFigures}).
 */
final class BatchRecords {

  /** Marks the figures of an upload an erasure rewrote: no branch manifest holds it to control totals. */
  static final String REWRITTEN_BY_ERASURE = "rewrittenByErasure";

  private BatchRecords() {}

  static BatchProgress progress(Map<String, AttributeValue> record) {
    return new BatchProgress(record.containsKey("status") ? FileStatus.valueOf(record.get("status").s()) : null,
        number(record, "rowsRead"), number(record, "accepted"), number(record, "rejected"), text(record, "refusal"),
        text(record, "sha256"), number(record, RowCheckpoint.WRITTEN_THROUGH_LINE));
  }

  static Map<String, AttributeValue> figures(FileFigures figures) {
    Map<String, AttributeValue> item = counts(figures.objectKey(), figures.versionId(), figures.sha256(), figures.scan());
    if (figures.rewrittenByErasure()) {
      item.put(REWRITTEN_BY_ERASURE, AttributeValue.fromBool(true));
    }
    return item;
  }

  static Map<String, AttributeValue> item(BatchRecord record) {
    return switch (record) {
      case BatchRecord.Finished finished -> finished(finished);
      case BatchRecord.Refused refused -> refused(refused);
      case BatchRecord.ManifestTaken manifest -> manifest(manifest);
    };
  }

  private static Map<String, AttributeValue> counts(String objectKey, String versionId, String sha256, ScanResult scan) {
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

  private static Map<String, AttributeValue> finished(BatchRecord.Finished record) {
    Map<String, AttributeValue> item = counts(record.objectKey(), null, record.sha256(), record.scan());
    item.put("status", s(record.status().name()));
    item.put("startedAt", s(record.started().toString()));
    item.put("validateMillis", n(record.validation().toMillis()));
    item.put("storeMillis", n(record.storage().toMillis()));
    item.put("totalMillis", n(record.total().toMillis()));
    item.put("dataKey", s(record.dataKeyRef()));
    return item;
  }

  private static Map<String, AttributeValue> refused(BatchRecord.Refused record) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("objectKey", s(record.objectKey()));
    item.put("status", s(FileStatus.REFUSED.name()));
    item.put("refusal", s(record.refusal()));
    item.put("startedAt", s(record.started().toString()));
    item.put("totalMillis", n(Duration.between(record.started(), record.finished()).toMillis()));
    return item;
  }

  private static Map<String, AttributeValue> manifest(BatchRecord.ManifestTaken record) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("objectKey", s(record.objectKey()));
    item.put("status", s(record.status().name()));
    item.put("filesDeclared", n(record.filesDeclared()));
    item.put("startedAt", s(record.started().toString()));
    item.put("totalMillis", n(Duration.between(record.started(), record.finished()).toMillis()));
    return item;
  }

  private static long number(Map<String, AttributeValue> record, String name) {
    AttributeValue value = record.get(name);
    return value == null ? 0 : Long.parseLong(value.n());
  }

  private static String text(Map<String, AttributeValue> record, String name) {
    AttributeValue value = record.get(name);
    return value == null ? null : value.s();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}

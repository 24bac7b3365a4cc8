package io.qualityhub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.validate.ScanResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BatchRecordsTest {

  private static final String OBJECT_KEY = "incoming/TPE-01/2026-11-20/claims.csv";
  private static final Instant STARTED = Instant.parse("2026-11-20T01:00:00Z");

  @Test
  void aRedeliveryReportsTheGenerationItsBatchRecordIsKeyedBy() {
    Map<String, AttributeValue> record = BatchRecords.item(new BatchRecord.Finished(OBJECT_KEY, FileStatus.PROCESSED,
        "ab12", new ScanResult(10, 9, 1), Duration.ofMillis(5), Duration.ofMillis(6), Duration.ofMillis(12), STARTED,
        "KEY#v1#k"));

    FileOutcome outcome = BatchRecords.progress(record).toOutcome(OBJECT_KEY, "v1");

    assertEquals(new FileOutcome(OBJECT_KEY, FileStatus.PROCESSED, 10, 9, 1, List.of(), null, "v1", "ab12"), outcome);
  }

  @Test
  void aFinishedUploadsRecordHoldsItsFiguresAndTimings() {
    assertEquals(Map.ofEntries(Map.entry("objectKey", s(OBJECT_KEY)), Map.entry("sha256", s("ab12")),
            Map.entry("rowsRead", n("10")), Map.entry("accepted", n("9")), Map.entry("rejected", n("1")),
            Map.entry("status", s("PROCESSED")), Map.entry("startedAt", s("2026-11-20T01:00:00Z")),
            Map.entry("validateMillis", n("5")), Map.entry("storeMillis", n("6")), Map.entry("totalMillis", n("12")),
            Map.entry("dataKey", s("KEY#v1#k"))),
        BatchRecords.item(new BatchRecord.Finished(OBJECT_KEY, FileStatus.PROCESSED, "ab12", new ScanResult(10, 9, 1),
            Duration.ofMillis(5), Duration.ofMillis(6), Duration.ofMillis(12), STARTED, "KEY#v1#k")));
  }

  @Test
  void aRefusalAndAManifestAreRecordedWithTheirOwnAttributes() {
    assertEquals(Map.of("objectKey", s(OBJECT_KEY), "status", s("REFUSED"), "refusal", s("EMPTY_FILE: no rows"),
            "startedAt", s("2026-11-20T01:00:00Z"), "totalMillis", n("250")),
        BatchRecords.item(new BatchRecord.Refused(OBJECT_KEY, "EMPTY_FILE: no rows", STARTED, STARTED.plusMillis(250))));
    assertEquals(Map.of("objectKey", s("incoming/TPE-01/2026-11-20/manifest.json"), "status", s("SUPERSEDED"),
            "filesDeclared", n("3"), "startedAt", s("2026-11-20T01:00:00Z"), "totalMillis", n("40")),
        BatchRecords.item(new BatchRecord.ManifestTaken("incoming/TPE-01/2026-11-20/manifest.json", FileStatus.SUPERSEDED,
            3, STARTED, STARTED.plusMillis(40))));
  }

  @Test
  void theFiguresTheCurrentPointerRepeatsMarkAnErasuresRewrite() {
    assertEquals(Map.of("objectKey", s(OBJECT_KEY), "objectVersionId", s("v2"), "sha256", s("cd34"), "rowsRead", n("4"),
            "accepted", n("4"), "rejected", n("0"), "rewrittenByErasure", AttributeValue.fromBool(true)),
        BatchRecords.figures(new FileFigures(OBJECT_KEY, "v2", "cd34", new ScanResult(4, 4, 0), true)));
    assertEquals(Map.of("objectKey", s(OBJECT_KEY), "sha256", s("cd34"), "rowsRead", n("4"), "accepted", n("4"),
            "rejected", n("0")),
        BatchRecords.figures(new FileFigures(OBJECT_KEY, null, "cd34", new ScanResult(4, 4, 0), false)));
  }

  @Test
  void anUnfinishedRecordGivesItsCheckpoint() {
    BatchProgress progress = BatchRecords.progress(Map.of("attempts", n("2"), "writtenThroughLine", n("51")));

    assertEquals(new BatchProgress(null, 0, 0, 0, null, null, 51), progress);
    assertEquals(false, progress.isFinished());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }
}

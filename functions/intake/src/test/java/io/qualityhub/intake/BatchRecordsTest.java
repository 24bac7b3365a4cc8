package io.qualityhub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.validate.ScanResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BatchRecordsTest {

  @Test
  void aRedeliveryReportsTheGenerationItsBatchRecordIsKeyedBy() {
    Map<String, AttributeValue> record = BatchRecords.finished("incoming/TPE-01/2026-11-20/claims.csv", FileStatus.PROCESSED,
        "ab12", new ScanResult(10, 9, 1), Duration.ofMillis(5), Duration.ofMillis(6), Duration.ofMillis(12),
        Instant.parse("2026-11-20T01:00:00Z"), "KEY#v1#k");

    FileOutcome outcome = BatchRecords.toOutcome("incoming/TPE-01/2026-11-20/claims.csv", "v1", record);

    assertEquals(new FileOutcome("incoming/TPE-01/2026-11-20/claims.csv", FileStatus.PROCESSED, 10, 9, 1,
        java.util.List.of(), null, "v1", "ab12"), outcome);
  }
}

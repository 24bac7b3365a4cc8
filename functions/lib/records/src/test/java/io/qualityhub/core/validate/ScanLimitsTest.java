package io.qualityhub.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.RecordType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits a file meets exactly, and a conditional reject naming every value that triggers it. */
class ScanLimitsTest {

  @Test
  void aFileWithExactlyTheRowLimitIsAccepted() throws Exception {
    String csv = "survey_id,surveyed_on,overall_score\nS-1,2026-11-20,3\nS-2,2026-11-20,4\n";
    try (var rows = io.qualityhub.core.parse.UploadDecoder.formatVersion1().open(
        new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), RecordType.SURVEYS, FileFormat.CSV, false)) {
      assertEquals(new ScanResult(2, 2, 0),
          new FileScanner(RecordType.SURVEYS, "TPE-01", 2).scan(rows, (line, values) -> { }, reject -> { }));
    }
  }

  @Test
  void aConditionalRejectNamesEveryTriggeringValueInAlphabeticalOrder() throws Exception {
    String csv = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,closed_at,"
        + "amount_claimed,currency,handler_id,updated_at\n"
        + "C-1,P-1,HLT-01,health,simple,N,closed,2026-11-01T09:00:00+08:00,,1200.50,TWD,H-7,2026-11-02T09:00:00+08:00\n";
    ScanFixture scan = ScanFixture.scan(RecordType.CLAIMS, FileFormat.CSV, csv);
    assertEquals(List.of("2:closed_at:CONDITIONAL_REQUIRED"), scan.rejectSummary());
    assertEquals("'closed_at' is required when status is closed or rejected or withdrawn", scan.rejects.get(0).message());
  }

  @Test
  void aCountHasAtMostNineDigits() {
    assertTrue(ValueChecks.isCount("999999999"));
    assertFalse(ValueChecks.isCount("1000000000"));
    assertFalse(ValueChecks.isCount(""));
  }
}

package io.qualityhub.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.UploadKey;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PeriodIndexTest {

  private static final UploadKey CLAIMS = new UploadKey("TPE-01", LocalDate.parse("2026-12-01"), RecordType.CLAIMS,
      FileFormat.CSV, false);

  @Test
  void aClaimsStateIsIndexedOnTheLocalDayItWasClosedAndUndatedWhileOpen() {
    RecordItemMapper mapper = new RecordItemMapper("records", CLAIMS, "g1", null, null, null);

    Map<String, AttributeValue> closed = mapper.toStateItem(claim("closed", "2026-11-30T23:30:00+08:00"));
    Map<String, AttributeValue> open = mapper.toStateItem(claim("reported", null));

    // 30 November 23:30 in Taipei is 1 December in UTC, and November's for sampling.
    assertEquals("2026-11-30", closed.get("periodOn").s());
    assertEquals("undated", open.get("periodOn").s());
    // "REC#claims#TPE-01#CLM-1".hashCode() is -1390718621; floorMod 16 is 3.
    assertEquals("claims#3", closed.get("periodKey").s());
    assertEquals("claims#3", open.get("periodKey").s());
  }

  @Test
  void aStateRebuiltFromAWithdrawnRowIsIndexedByTheRowsClosingDay() {
    Map<String, AttributeValue> row = new HashMap<>(Map.of(
        "pk", AttributeValue.fromS("REC#claims#TPE-01#CLM-1"),
        "sk", AttributeValue.fromS("2026-11-20#g0#2026-11-20T08:00:00Z"),
        "recordType", AttributeValue.fromS("claims"),
        "closed_at", AttributeValue.fromS("2026-11-20T16:00:00+08:00"),
        "updated_at", AttributeValue.fromS("2026-11-20T16:00:00+08:00")));

    Map<String, AttributeValue> state = RecordItemMapper.stateFromRowItem(row, RecordType.CLAIMS);

    assertEquals("2026-11-20", state.get("periodOn").s());
    assertEquals("claims#3", state.get("periodKey").s());
  }

  @Test
  void typesSamplingNeverReadsHaveNoEntry() {
    Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", AttributeValue.fromS("REC#surveys#TPE-01#SV-1"),
        "surveyed_on", AttributeValue.fromS("2026-11-03")));

    PeriodIndex.addEntry(RecordType.SURVEYS, item);

    assertFalse(item.containsKey("periodKey"));
    assertFalse(item.containsKey("periodOn"));
  }

  private static String[] claim(String status, String closedAt) {
    String[] values = new String[RecordType.CLAIMS.columns().size()];
    values[RecordType.CLAIMS.indexOf("claim_id")] = "CLM-1";
    values[RecordType.CLAIMS.indexOf("status")] = status;
    values[RecordType.CLAIMS.indexOf("closed_at")] = closedAt;
    values[RecordType.CLAIMS.indexOf("updated_at")] = "2026-11-30T23:30:00+08:00";
    return values;
  }
}

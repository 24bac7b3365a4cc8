package io.qualityhub.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A row a parser cannot read says where and why, never what: rejects of broken JSON and CSV hold
 * no part of the planted values around the break.
 */
class ParseErrorsNeverEchoValuesTest {

  private static final String GOOD = "{\"claim_id\":\"C-0\",\"policy_id\":\"P\",\"product_code\":\"H\",\"product_line\":\"health\","
      + "\"complexity\":\"simple\",\"green_channel\":false,\"status\":\"reported\",\"reported_at\":\"2026-11-20T09:00:00+08:00\","
      + "\"amount_claimed\":100,\"currency\":\"TWD\",\"handler_id\":\"H\",\"updated_at\":\"2026-11-20T10:00:00+08:00\"";

  @Test
  void brokenJsonLinesAreRejectedByPositionAndReasonOnly() throws Exception {
    String jsonl = String.join("\n",
        GOOD + ",\"customer_name\":\"ok\"}",
        "{\"claim_id\":\"C-1\",\"customer_name\":\"PLANTED-unterminated-string",
        "{\"claim_id\":\"C-2\", PLANTED-bare-word}",
        "PLANTED-not-json-at-all",
        GOOD.replace("C-0", "C-3").replace("\"amount_claimed\":100", "\"amount_claimed\":PLANTEDNUMBER") + "}",
        GOOD.replace("C-0", "C-4") + ",\"customer_name\":\"x\",\"customer_name\":\"PLANTED-duplicate-key\"}",
        GOOD.replace("C-0", "C-5") + ",\"customer_name\":{\"inner\":\"PLANTED-object\"}}",
        GOOD.replace("C-0", "C-6") + ",\"diagnosis\":\"PLANTED-control\u0001char\"}",
        GOOD.replace("C-0", "C-7") + ",\"customer_name\":\"ok\"} {\"note\":\"PLANTED-second-object\"}",
        GOOD.replace("C-0", "C-8").replace("\"status\":\"reported\"", "\"status\":\"PLANTED-status\"") + "}",
        GOOD.replace("C-0", "C-9").replace("\"reported_at\":\"2026-11-20T09:00:00+08:00\"", "\"reported_at\":\"PLANTED-date\"") + "}",
        GOOD.replace("C-0", "C-10").replace("\"green_channel\":false", "\"green_channel\":\"PLANTED-boolean\"") + "}",
        "");

    ScanFixture scan = ScanFixture.scan(RecordType.CLAIMS, FileFormat.JSON_LINES, jsonl);

    assertEquals(List.of(1), scan.acceptedLines);
    assertEquals(List.of(
        "2::MALFORMED_ROW", "3::MALFORMED_ROW", "4::MALFORMED_ROW", "5::MALFORMED_ROW", "6::MALFORMED_ROW",
        "7::MALFORMED_ROW", "8::MALFORMED_ROW", "9::MALFORMED_ROW",
        "10:status:INVALID_ENUM", "11:reported_at:INVALID_TIMESTAMP", "12:green_channel:INVALID_BOOLEAN"), scan.rejectSummary());
    assertNothingEchoed(scan);
  }

  @Test
  void brokenCsvRowsAreRejectedByPositionAndReasonOnly() throws Exception {
    String header = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,amount_claimed,"
        + "currency,handler_id,updated_at,customer_name";
    String good = "C-0,P,H,health,simple,N,reported,2026-11-20T09:00:00+08:00,100,TWD,H,2026-11-20T10:00:00+08:00,ok";
    String csv = String.join("\n",
        header,
        good,
        good.replace("C-0", "C-1") + ",PLANTED-extra-field",
        "C-2,P,H,health,simple,N,reported,2026-11-20T09:00:00+08:00,PLANTED-amount,TWD,H,2026-11-20T10:00:00+08:00,ok",
        "C-3,P,H,health,simple,N,reported,2026-11-20T09:00:00+08:00,100,TWD,H,2026-11-20T10:00:00+08:00,\"PLANTED\"quoted\"badly",
        "C-4,P,H,health,simple,N,reported,2026-11-20T09:00:00+08:00,100,TWD,H,2026-11-20T10:00:00+08:00,\"PLANTED-never-closed\n");

    ScanFixture scan = ScanFixture.scan(RecordType.CLAIMS, FileFormat.CSV, csv);

    assertEquals(List.of(2), scan.acceptedLines);
    assertEquals(4, scan.rejects.size(), scan.rejectSummary().toString());
    assertNothingEchoed(scan);
  }

  @Test
  void aFileRefusedForItsHeaderDoesNotEchoTheValuesOfItsRows() {
    String csv = "claim_id,PLANTED-header-typo\nC-1,PLANTED-value\n";
    try {
      ScanFixture.scan(RecordType.CLAIMS, FileFormat.CSV, csv);
    } catch (FileRefusedException e) {
      assertFalse(e.describe().contains("PLANTED-value"), e.describe());
      return;
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("a header with unknown columns refuses the file");
  }

  private static void assertNothingEchoed(ScanFixture scan) {
    for (Reject reject : scan.rejects) {
      assertFalse((reject.column() + " " + reject.message()).contains("PLANTED"), reject.line() + ": " + reject.message());
    }
  }
}

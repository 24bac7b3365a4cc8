package io.qualityhub.core.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RefusalReason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileScannerTest {

  private static final String CLAIMS_HEADER = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,"
      + "reported_at,documents_complete_at,decided_at,paid_at,closed_at,amount_claimed,amount_paid,currency,handler_id,"
      + "updated_at,customer_name,customer_id_no,customer_phone,diagnosis";

  private static String claim(String id, String status, String closedAt, String amountPaid, String updatedAt) {
    return id + ",P-1,HLT-01,health,simple,N," + status + ",2026-11-01T09:00:00+08:00,,,,"
        + closedAt + ",1200.50," + amountPaid + ",TWD,H-7," + updatedAt + ",陳美玲,A123456789,0912-345-678,骨折";
  }

  @Test
  void acceptsGoodClaimsAndRejectsEachBadRowWithItsLineAndReason() throws Exception {
    String csv = String.join("\r\n",
        CLAIMS_HEADER,
        claim("C-1", "reported", "", "", "2026-11-02T10:00:00+08:00"),
        claim("C-1", "paid", "", "800", "2026-11-03T10:00:00+08:00"),
        claim("C-2", "paid", "", "", "2026-11-03T10:00:00+08:00"),
        claim("C-3", "reported", "2026-11-05T10:00:00+08:00", "", "2026-11-03T10:00:00+08:00"),
        claim("C-1", "reported", "", "", "2026-11-02T10:00:00+08:00"),
        claim("C-4", "closed", "2026-10-01T10:00:00+08:00", "", "2026-11-03T10:00:00+08:00"),
        claim("C-5", "lost", "", "", "2026-11-03T10:00:00+08:00"),
        "C-6,P-1") + "\r\n";

    ScanFixture scan = ScanFixture.scan(RecordType.CLAIMS, FileFormat.CSV, csv);

    assertEquals(List.of(2, 3), scan.acceptedLines);
    assertEquals(List.of(
        "4:amount_paid:CONDITIONAL_REQUIRED",
        "5:closed_at:CONDITIONAL_FORBIDDEN",
        "6:claim_id:DUPLICATE_ID",
        "7:closed_at:DATE_ORDER",
        "8:status:INVALID_ENUM",
        "9::MALFORMED_ROW"), scan.rejectSummary());
    assertEquals(new ScanResult(8, 2, 6), scan.result);
  }

  @Test
  void whenEveryIdSharesOneFingerprintOnlyRealRepeatsAreRejectedWithTheLineTheyRepeat() throws Exception {
    String csv = String.join("\n",
        "survey_id,surveyed_on,overall_score",
        "S-1,2026-11-20,5",
        "S-2,2026-11-20,4",
        "S-10,2026-11-20,3",
        "S-2,2026-11-21,2",
        "S-3,2026-11-20,1",
        "S-1,2026-11-22,5",
        "S-2,2026-11-22,5") + "\n";

    List<Integer> accepted = new java.util.ArrayList<>();
    List<Reject> rejects = new java.util.ArrayList<>();
    ScanResult result;
    try (var rows = io.qualityhub.core.parse.UploadDecoder.formatVersion1().open(
        new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), RecordType.SURVEYS, FileFormat.CSV, false)) {
      result = new FileScanner(RecordType.SURVEYS, "TPE-01", FileScanner.MAX_ROWS, () -> new IdIndex(id -> 7L))
          .scan(rows, (line, values) -> accepted.add(line), rejects::add);
    }

    assertEquals(List.of(2, 3, 4, 6), accepted);
    assertEquals(List.of(
        new Reject(5, "survey_id", io.qualityhub.core.format.RejectReason.DUPLICATE_ID,
            io.qualityhub.core.format.RejectReason.DUPLICATE_ID.message(3)),
        new Reject(7, "survey_id", io.qualityhub.core.format.RejectReason.DUPLICATE_ID,
            io.qualityhub.core.format.RejectReason.DUPLICATE_ID.message(2)),
        new Reject(8, "survey_id", io.qualityhub.core.format.RejectReason.DUPLICATE_ID,
            io.qualityhub.core.format.RejectReason.DUPLICATE_ID.message(3))), rejects);
    assertEquals("this id already appeared earlier in the file (line 3)", rejects.get(0).message());
    assertEquals(new ScanResult(7, 4, 3), result);
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndNewlinesAndLinesCountFromWhereARowStarts() throws Exception {
    String csv = "\uFEFFsurvey_id,surveyed_on,overall_score,comment\n"
        + "S-1,2026-11-20,5,\"very good, \"\"fast\"\"\nand kind\"\n"
        + "\n"
        + "S-2,2026-11-20,9,ok\n"
        + "S-3,2026-11-31,4,\n";

    ScanFixture scan = ScanFixture.scan(RecordType.SURVEYS, FileFormat.CSV, csv);

    assertEquals(List.of(2), scan.acceptedLines);
    assertEquals("very good, \"fast\"\nand kind", scan.acceptedValues.get(0)[RecordType.SURVEYS.indexOf("comment")]);
    assertEquals(List.of("5:overall_score:INVALID_SCORE", "6:surveyed_on:INVALID_DATE"), scan.rejectSummary());
  }

  @Test
  void jsonLinesTakeJsonBooleansAndNumbersAndRejectStringsWhereBooleansBelong() throws Exception {
    String jsonl = String.join("\n",
        "{\"record_id\":\"V-1\",\"staff_id\":\"E-1\",\"department\":\"sales\",\"occurred_on\":\"2026-11-20\","
            + "\"violation_type\":\"mis-selling\",\"severity\":\"major\",\"sanction\":\"fine\",\"fine_amount\":5000,\"currency\":\"TWD\"}",
        "{\"record_id\":\"V-2\",\"staff_id\":\"E-1\",\"department\":\"sales\",\"occurred_on\":\"2026-11-20\","
            + "\"violation_type\":\"x\",\"severity\":\"minor\",\"sanction\":\"fine\",\"currency\":\"TWD\",\"x_note\":\"ignored\"}",
        "{\"record_id\":\"V-3\",\"unexpected\":1}",
        "not json",
        "{\"record_id\":\"V-4\",\"staff_id\":\"E-1\",\"department\":\"sales\",\"occurred_on\":\"2026-11-20\","
            + "\"violation_type\":\"x\",\"severity\":\"minor\",\"sanction\":\"warning\",\"branch\":\"KHH-02\"}");

    ScanFixture scan = ScanFixture.scan(RecordType.VIOLATIONS, FileFormat.JSON_LINES, jsonl);

    assertEquals(List.of(1), scan.acceptedLines);
    assertEquals("5000", scan.acceptedValues.get(0)[RecordType.VIOLATIONS.indexOf("fine_amount")]);
    assertEquals(List.of(
        "2:fine_amount:CONDITIONAL_REQUIRED",
        "3::UNKNOWN_COLUMN",
        "4::MALFORMED_ROW",
        "5:branch:BRANCH_MISMATCH"), scan.rejectSummary());
  }

  @Test
  void anInspectorRosterNeedsAWholeCapacityAKnownTeamAndEachInspectorOnce() throws Exception {
    String csv = "inspector_id,home_branch,team,capacity,active\n"
        + "QA-01,TPE-01,all,120,Y\n"
        + "QA-02,KHH-02,claims,12.5,Y\n"
        + "QA-03,KHH-02,audit,10,Y\n"
        + "QA-04,TXG-03,sales,-1,N\n"
        + "QA-05,TXG-03,sales,1000000000,N\n"
        + "QA-01,TXG-03,sales,0,N\n"
        + "QA-06,TXG-03,sales,0,maybe\n";

    ScanFixture scan = ScanFixture.scan("QA", RecordType.INSPECTORS, FileFormat.CSV,
        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);

    assertEquals(List.of(2), scan.acceptedLines);
    assertEquals("120", scan.acceptedValues.get(0)[RecordType.INSPECTORS.indexOf("capacity")]);
    assertEquals(List.of("3:capacity:INVALID_COUNT", "4:team:INVALID_ENUM", "5:capacity:INVALID_COUNT",
        "6:capacity:INVALID_COUNT", "7:inspector_id:DUPLICATE_ID", "8:active:INVALID_BOOLEAN"), scan.rejectSummary());
  }

  @Test
  void onlyTheQualityDepartmentUploadsRostersAndFindings() throws Exception {
    assertEquals(RecordType.INSPECTORS, io.qualityhub.core.format.UploadKey.parse("incoming/QA/2026-11-23/inspectors.csv").type());
    io.qualityhub.core.format.FileRefusedException refused = org.junit.jupiter.api.Assertions.assertThrows(
        io.qualityhub.core.format.FileRefusedException.class,
        () -> io.qualityhub.core.format.UploadKey.parse("incoming/TPE-01/2026-11-23/inspectors.csv"));
    assertEquals(io.qualityhub.core.format.RefusalReason.INVALID_KEY, refused.reason());
  }

  @Test
  void jsonBooleanColumnsRefuseTheCsvSpelling() throws Exception {
    String row = "{\"record_id\":\"F-1\",\"policy_id\":\"P-1\",\"visited_on\":\"2026-11-20\",\"visitor_id\":\"V\",\"outcome\":\"understood\"}\n";
    ScanFixture followups = ScanFixture.scan(RecordType.FOLLOWUPS, FileFormat.JSON_LINES, row);
    assertEquals(1, followups.result.accepted());

    String sales = "{\"record_id\":\"S-1\",\"policy_id\":\"P\",\"sold_at\":\"2026-11-20T10:00:00+08:00\",\"salesperson_id\":\"E\","
        + "\"salesperson_hired_on\":\"2020-01-01\",\"product_code\":\"A\",\"product_line\":\"auto\",\"channel\":\"agent\","
        + "\"premium\":\"100.5\",\"currency\":\"TWD\",\"customer_name\":\"n\",\"customer_id_no\":\"i\",\"terms_given\":\"Y\","
        + "\"risk_notice_given\":true,\"customer_signed\":true}\n";
    ScanFixture scan = ScanFixture.scan(RecordType.SALES, FileFormat.JSON_LINES, sales);
    assertEquals(List.of("1:terms_given:INVALID_BOOLEAN"), scan.rejectSummary());
  }

  @Test
  void gzippedFilesAreReadAndCorruptGzipIsRefused() throws Exception {
    byte[] csv = "survey_id,surveyed_on,overall_score\nS-1,2026-11-20,3\n".getBytes(StandardCharsets.UTF_8);
    ScanFixture scan = ScanFixture.scan(RecordType.SURVEYS, FileFormat.CSV, ScanFixture.gzip(csv), true);
    assertEquals(1, scan.result.accepted());

    FileRefusedException refused = assertThrows(FileRefusedException.class,
        () -> ScanFixture.scan(RecordType.SURVEYS, FileFormat.CSV, csv, true));
    assertEquals(RefusalReason.UNREADABLE_ENCODING, refused.reason());
  }

  @Test
  void refusesEmptyFilesHeadersWithUnknownColumnsAndOtherEncodings() {
    assertEquals(RefusalReason.EMPTY_FILE, refusal(""));
    assertEquals(RefusalReason.EMPTY_FILE, refusal("survey_id,surveyed_on,overall_score\r\n"));
    assertEquals(RefusalReason.INVALID_HEADER, refusal("survey_id,surveyed_on,overall_score,Comment\n"));
    assertEquals(RefusalReason.INVALID_HEADER, refusal("survey_id,surveyed_on\nS-1,2026-11-20\n"));
    FileRefusedException latin1 = assertThrows(FileRefusedException.class, () -> ScanFixture.scan(RecordType.SURVEYS,
        FileFormat.CSV, "survey_id,surveyed_on,overall_score,comment\nS-1,2026-11-20,3,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), false));
    assertEquals(RefusalReason.UNREADABLE_ENCODING, latin1.reason());
  }

  @Test
  void aRowOverTheSizeLimitIsRejectedAndTheNextRowIsStillRead() throws Exception {
    String huge = "x".repeat(70 * 1024);
    String csv = "survey_id,surveyed_on,overall_score,comment\nS-1,2026-11-20,3," + huge + "\nS-2,2026-11-20,4,fine\n";
    ScanFixture scan = ScanFixture.scan(RecordType.SURVEYS, FileFormat.CSV, csv);
    assertEquals(List.of("2::ROW_TOO_LARGE"), scan.rejectSummary());
    assertEquals(List.of(3), scan.acceptedLines);
  }

  @Test
  void theStatutoryClockColumnsAreOptionalAndDatedNotBeforeTheRecordStarts() throws Exception {
    String header = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,"
        + "decided_at,closed_at,amount_claimed,currency,handler_id,updated_at,documents_requested_at,agreed_at,"
        + "advance_paid_at,denial_notice_at";
    String csv = header + "\n"
        + "C-1,P-1,HLT-01,health,simple,N,approved,2026-11-01T09:00:00+08:00,2026-11-04T09:00:00+08:00,,1,TWD,H,"
        + "2026-11-05T10:00:00+08:00,2026-11-02T09:00:00+08:00,2026-11-05T09:00:00+08:00,2026-11-03T09:00:00+08:00,\n"
        + "C-2,P-1,HLT-01,health,simple,N,rejected,2026-11-01T09:00:00+08:00,2026-11-04T09:00:00+08:00,"
        + "2026-11-04T09:00:00+08:00,1,TWD,H,2026-11-05T10:00:00+08:00,,,,2026-10-31T09:00:00+08:00\n"
        + "C-3,P-1,HLT-01,health,simple,N,reported,2026-11-01T09:00:00+08:00,,,1,TWD,H,2026-11-05T10:00:00+08:00,"
        + "yesterday,,,\n";
    ScanFixture claims = ScanFixture.scan(RecordType.CLAIMS, FileFormat.CSV, csv);
    assertEquals(List.of(2), claims.acceptedLines);
    assertEquals(List.of("3:denial_notice_at:DATE_ORDER", "4:documents_requested_at:INVALID_TIMESTAMP"),
        claims.rejectSummary());

    String complaints = "complaint_id,received_at,channel,category,severity,status,updated_at,extended_at,extension_reason\n"
        + "K-1,2026-11-01T09:00:00+08:00,phone,sales,general,open,2026-11-09T09:00:00+08:00,2026-11-09T09:00:00+08:00,"
        + "complex case: awaiting the agent's statement\n"
        + "K-2,2026-11-01T09:00:00+08:00,phone,sales,general,open,2026-11-09T09:00:00+08:00,2026-10-09T09:00:00+08:00,x\n";
    ScanFixture extended = ScanFixture.scan(RecordType.COMPLAINTS, FileFormat.CSV, complaints);
    assertEquals(List.of(2), extended.acceptedLines);
    assertEquals(List.of("3:extended_at:DATE_ORDER"),
        extended.rejectSummary());
  }

  @Test
  void anExtendedComplaintWithoutItsReasonIsRejectedAtTheReasonColumn() throws Exception {
    String complaints = "complaint_id,received_at,channel,category,severity,status,updated_at,extended_at,extension_reason\n"
        + "K-1,2026-11-01T09:00:00+08:00,phone,sales,general,open,2026-11-09T09:00:00+08:00,2026-11-09T09:00:00+08:00,\n"
        + "K-2,2026-11-01T09:00:00+08:00,phone,sales,general,open,2026-11-09T09:00:00+08:00,,\n"
        + "K-3,2026-11-01T09:00:00+08:00,phone,sales,general,open,2026-11-09T09:00:00+08:00,,a reason without an extension\n";
    ScanFixture scan = ScanFixture.scan(RecordType.COMPLAINTS, FileFormat.CSV, complaints);
    assertEquals(List.of(3, 4), scan.acceptedLines, "no extension, no reason needed; a reason alone is harmless");
    assertEquals(List.of("2:extension_reason:CONDITIONAL_REQUIRED"), scan.rejectSummary());
    assertEquals("'extension_reason' is required when extended_at is given", scan.rejects.get(0).message());
  }

  @Test
  void rejectMessagesNeverEchoTheValuesOfTheRow() throws Exception {
    String planted = "PLANTED-SECRET-9931";
    String csv = CLAIMS_HEADER + "\n"
        + "C-1,P-1,HLT-01,health,simple," + planted + ",reported,2026-11-01T09:00:00+08:00,,,,,1,,TWD,H,2026-11-02T10:00:00+08:00,"
        + planted + "," + planted + ",,\n"
        + "C-2,P-1,HLT-01,health,simple,N,reported," + planted + ",,,,,1,,TWD,H,2026-11-02T10:00:00+08:00,,,,\n";
    ScanFixture scan = ScanFixture.scan(RecordType.CLAIMS, FileFormat.CSV, csv);
    assertEquals(2, scan.rejects.size());
    scan.rejects.forEach(reject -> assertFalse(reject.message().contains("PLANTED"), reject.message()));
    assertTrue(scan.rejects.get(0).message().contains("green_channel"));
  }

  @Test
  void salesNeedARecordingForTelemarketingAndAHireDateBeforeTheSale() throws Exception {
    String header = "record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,product_code,product_line,channel,premium,"
        + "currency,customer_name,customer_id_no,terms_given,risk_notice_given,customer_signed,recording_id";
    String csv = header + "\n"
        + "S-1,P,2026-11-20T10:00:00+08:00,E,2025-01-01,A,auto,telemarketing,100,TWD,n,i,Y,Y,Y,\n"
        + "S-2,P,2026-11-20T10:00:00+08:00,E,2026-11-21,A,auto,agent,100,TWD,n,i,Y,Y,Y,\n"
        + "S-3,P,2026-11-20T10:00:00+08:00,E,2026-11-20,A,auto,agent,100.25,TWD,n,i,N,Y,Y,\n"
        + "S-4,P,2026-11-20T10:00:00+08:00,E,2026-11-20,A,auto,agent,-1,TWD,n,i,N,Y,Y,\n"
        + "S-5,P,2026-11-20T10:00:00+08:00,E,2026-11-20,A,auto,agent,1.234,XXX,n,i,N,Y,Y,\n";
    ScanFixture scan = ScanFixture.scan(RecordType.SALES, FileFormat.CSV, csv);
    assertEquals(List.of(
        "2:recording_id:CONDITIONAL_REQUIRED",
        "3:sold_at:DATE_ORDER",
        "5:premium:INVALID_AMOUNT",
        "6:premium:INVALID_AMOUNT"), scan.rejectSummary());
    assertArrayEquals(new Object[] {4}, scan.acceptedLines.toArray());
  }

  private static RefusalReason refusal(String csv) {
    return assertThrows(FileRefusedException.class, () -> ScanFixture.scan(RecordType.SURVEYS, FileFormat.CSV, csv)).reason();
  }
}

package io.qualityhub.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RefusalReason;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files made to hurt: each ends in an exact, explained outcome (a row reject or a refusal) that
 * names a position and a rule, never the content, in memory that does not grow with the content.
 */
class HostileFilesTest {

  private static final String SURVEYS_HEADER = "survey_id,surveyed_on,overall_score,comment";
  private static final String PLANTED_NAME = "王小明Qz";
  private static final String PLANTED_ID_NO = "A123456789";

  @Test
  void aGzippedRowOfSixtyFourMillionCommasIsOneRejectInBoundedMemory() throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
      gz.write((SURVEYS_HEADER + "\nS-1,2026-11-20,3,").getBytes(StandardCharsets.UTF_8));
      byte[] commas = new byte[1 << 20];
      java.util.Arrays.fill(commas, (byte) ',');
      for (int i = 0; i < 64; i++) {
        gz.write(commas);
      }
      gz.write("\nS-2,2026-11-20,4,fine\n".getBytes(StandardCharsets.UTF_8));
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

    ScanFixture scan = ScanFixture.scan(RecordType.SURVEYS, FileFormat.CSV, compressed.toByteArray(), true);

    long allocatedMib = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) >> 20;
    assertEquals(List.of("2::ROW_TOO_LARGE"), scan.rejectSummary());
    assertEquals(List.of(3), scan.acceptedLines, "the row after it is read as usual");
    // Keeping one entry per field would allocate at least 256 MiB for 64 million fields.
    assertTrue(allocatedMib < 32, "fields past the row limit are counted, not kept: allocated " + allocatedMib + " MiB");
  }

  @Test
  void aHeaderLongerThanColumnNamesCanBeHasItsOwnRefusal() {
    String header = SURVEYS_HEADER + ",x_" + "a".repeat(20 * 1024);
    FileRefusedException refused = refusedCsv(RecordType.SURVEYS, header + "\nS-1,2026-11-20,3,ok,\n");
    assertEquals(RefusalReason.INVALID_HEADER, refused.reason());
    assertEquals("the header row (line 1) is longer than 16 KiB, more than column names can take; check that the file"
        + " starts with its header row", refused.getMessage());
  }

  @Test
  void aCsvWithoutItsHeaderRowIsRefusedByPositionNeverByItsFirstRowsValues() {
    String firstRow = "S-1,2026-11-20,3," + PLANTED_NAME + " " + PLANTED_ID_NO;
    FileRefusedException refused = refusedCsv(RecordType.SURVEYS, firstRow + "\nS-2,2026-11-20,4,ok\n");
    assertEquals(RefusalReason.INVALID_HEADER, refused.reason());
    assertEquals("header line 1, column 1 is not a known column of surveys; the file may lack its header row. Otherwise fix"
        + " the name's spelling (names are case sensitive), remove the column, or prefix it with x_", refused.getMessage());
  }

  @Test
  void aRepeatedHeaderCellIsNamedByItsTwoPositions() {
    FileRefusedException refused = refusedCsv(RecordType.SURVEYS, "survey_id,surveyed_on,overall_score,survey_id\n");
    assertEquals("header line 1, columns 1 and 4 carry the same name; remove one of them", refused.getMessage());
  }

  @Test
  void jsonLinesBeyondTheStreamLimitsAreRowRejectsThatNameTheLimitAndColumn() throws Exception {
    String good = "{\"survey_id\":\"S-%d\",\"surveyed_on\":\"2026-11-20\",\"overall_score\":3";
    String jsonl = String.join("\n",
        good.formatted(1) + ",\"x_deep\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
        good.formatted(2).replace("\"overall_score\":3", "\"overall_score\":" + "9".repeat(5000)) + "}",
        good.formatted(3) + ",\"comment\":\"a\",\"comment\":\"" + PLANTED_NAME + "\"}",
        good.formatted(4) + ",\"" + "k".repeat(300) + "\":1}",
        good.formatted(5) + "}",
        "");

    ScanFixture scan = ScanFixture.scan(RecordType.SURVEYS, FileFormat.JSON_LINES, jsonl);

    assertEquals(List.of(5), scan.acceptedLines);
    assertEquals(List.of(
        "the row cannot be read: the value of key number 4 nests objects or arrays deeper than 16 levels",
        "the row cannot be read: the value of key number 3 is a number longer than 64 characters",
        "the row cannot be read: key number 5 of the object repeats an earlier key",
        "the row cannot be read: key number 4 is longer than 256 characters"),
        scan.rejects.stream().map(Reject::message).toList());
    scan.rejects.forEach(reject -> assertEquals("MALFORMED_ROW", reject.reason().name()));
  }

  @ParameterizedTest
  @ValueSource(strings = {PLANTED_ID_NO, "=HYPERLINK(\\\"http://x\\\")", PLANTED_NAME})
  void aJsonKeyThatIsItselfAValueIsNamedByItsPositionOnly(String key) throws Exception {
    String jsonl = "{\"survey_id\":\"S-1\",\"surveyed_on\":\"2026-11-20\",\"" + key + "\":\"x\",\"overall_score\":3}\n";

    ScanFixture scan = ScanFixture.scan(RecordType.SURVEYS, FileFormat.JSON_LINES, jsonl);

    assertEquals(List.of("1::UNKNOWN_COLUMN"), scan.rejectSummary());
    assertEquals("key number 3 of the object is not a column of this record type; fix its spelling (names are case"
        + " sensitive) or prefix custom columns with x_", scan.rejects.get(0).message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uFEFFS-1", "S-\u200B1", "S-1\u202E", "S-\u00001", "S-\u0007", "e\u0301"})
  void identifiersWithInvisibleOrUnnormalisedCharactersAreRejected(String id) throws Exception {
    ScanFixture scan = ScanFixture.scan(RecordType.SURVEYS, FileFormat.CSV,
        SURVEYS_HEADER + "\n" + id + ",2026-11-20,3,ok\n");

    assertEquals(List.of("2:survey_id:INVALID_IDENTIFIER"), scan.rejectSummary());
    assertEquals("'survey_id' must be an id of at most 128 characters in Unicode NFC, without control or format"
        + " characters (NUL, byte-order mark, zero-width or bidi controls)", scan.rejects.get(0).message());
  }

  @Test
  void identifiersHoldAtMost128CharactersOfAnyScript() throws Exception {
    String longest = "理".repeat(127) + "\uD83D\uDE00";
    ScanFixture scan = ScanFixture.scan(RecordType.SURVEYS, FileFormat.CSV, SURVEYS_HEADER + "\n"
        + longest + ",2026-11-20,3,ok\n" + longest + "x,2026-11-20,3,ok\n" + "é,2026-11-20,3,ok\n");

    assertEquals(List.of(2, 4), scan.acceptedLines, "128 code points (an emoji counts once) and NFC pass");
    assertEquals(List.of("3:survey_id:INVALID_IDENTIFIER"), scan.rejectSummary());
  }

  @Test
  void anIdWithAByteOrderMarkInsideIsNotASecondRecord() throws Exception {
    String header = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,"
        + "amount_claimed,currency,handler_id,updated_at";
    String row = ",P,HLT,health,simple,N,reported,2026-11-01T09:00:00+08:00,100,TWD,H,2026-11-02T09:00:00+08:00\n";
    ScanFixture scan = ScanFixture.scan(RecordType.CLAIMS, FileFormat.CSV, header + "\nCLM-1" + row + "CLM-\uFEFF1" + row);

    assertEquals(List.of(2), scan.acceptedLines);
    assertEquals(List.of("3:claim_id:INVALID_IDENTIFIER"), scan.rejectSummary());
  }

  @Test
  void textThatStorageCouldNotKeepAsSentIsRejected() throws Exception {
    String csv = SURVEYS_HEADER + "\nS-1,2026-11-20,3,note\u0000" + PLANTED_NAME + "\nS-2,2026-11-20,3,\uD83D\uDE00 ok\n";
    String jsonl = "{\"survey_id\":\"S-3\",\"surveyed_on\":\"2026-11-20\",\"overall_score\":3,\"comment\":\"x\\ud800"
        + PLANTED_NAME + "\"}\n";

    ScanFixture fromCsv = ScanFixture.scan(RecordType.SURVEYS, FileFormat.CSV, csv);
    ScanFixture fromJson = ScanFixture.scan(RecordType.SURVEYS, FileFormat.JSON_LINES, jsonl);

    assertEquals(List.of("2:comment:INVALID_TEXT"), fromCsv.rejectSummary());
    assertEquals(List.of(3), fromCsv.acceptedLines, "a surrogate pair is text like any other");
    assertEquals(List.of("1:comment:INVALID_TEXT"), fromJson.rejectSummary());
    assertEquals("'comment' holds a NUL character or a lone UTF-16 surrogate; remove it", fromJson.rejects.get(0).message());
    for (Reject reject : List.of(fromCsv.rejects.get(0), fromJson.rejects.get(0))) {
      assertFalse(reject.message().contains(PLANTED_NAME), reject.message());
    }
  }

  @Test
  void aFileWithMoreRowsThanTheLimitIsRefusedAsAWhole() throws Exception {
    String csv = SURVEYS_HEADER + "\nS-1,2026-11-20,3,ok\nS-2,2026-11-20,3,ok\nS-3,2026-11-20,3,ok\n";
    try (var rows = io.qualityhub.core.parse.UploadDecoder.formatVersion1().open(
        new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), RecordType.SURVEYS, FileFormat.CSV, false)) {
      FileRefusedException refused = assertThrows(FileRefusedException.class,
          () -> new FileScanner(RecordType.SURVEYS, "TPE-01", 2).scan(rows, (line, values) -> { }, reject -> { }));
      assertEquals("TOO_MANY_ROWS: the file has more than 2 rows; split it into several files", refused.describe());
    }
  }

  @Test
  void aFileLargerThanTheLimitUncompressedIsRefusedWhateverItsCompressedSize() throws Exception {
    byte[] csv = (SURVEYS_HEADER + "\n" + "S-1,2026-11-20,3,ok\n".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
    io.qualityhub.core.parse.UploadDecoder oneMebibyte = new io.qualityhub.core.parse.UploadDecoder(1 << 20, 64 * 1024);
    try (var rows = oneMebibyte.open(new java.io.ByteArrayInputStream(ScanFixture.gzip(csv)), RecordType.SURVEYS,
        FileFormat.CSV, true)) {
      FileRefusedException refused = assertThrows(FileRefusedException.class,
          () -> new FileScanner(RecordType.SURVEYS, "TPE-01").scan(rows, (line, values) -> { }, reject -> { }));
      assertEquals("FILE_TOO_LARGE: the file is larger than 1 MiB uncompressed; split it by business date or type",
          refused.describe());
    }
  }

  private static FileRefusedException refusedCsv(RecordType type, String csv) {
    FileRefusedException refused = assertThrows(FileRefusedException.class, () -> ScanFixture.scan(type, FileFormat.CSV, csv));
    assertFalse(refused.getMessage().contains(PLANTED_NAME) || refused.getMessage().contains(PLANTED_ID_NO), refused.getMessage());
    return refused;
  }
}

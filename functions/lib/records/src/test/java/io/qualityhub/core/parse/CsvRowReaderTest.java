package io.qualityhub.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RefusalReason;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * CSV rows as branch systems write them: columns in any order, RFC 4180 quoting, LF, CRLF and lone CR, and each
 * row's problem named with the line it starts on. Every file is also read a few characters at a time
 * ({@link TricklingReader}), so that the parser's look-aheads meet the end of what was read so far.
 */
class CsvRowReaderTest {

  private static final String HEADER = "survey_id,surveyed_on,overall_score,comment";
  private static final int WHOLE = Integer.MAX_VALUE;

  private static List<String> rows(String csv, int step, int maxRowBytes) throws IOException, FileRefusedException {
    return RowText.all(RecordType.SURVEYS, new CsvRowReader(new TricklingReader(csv, step), RecordType.SURVEYS,
        maxRowBytes));
  }

  private static List<String> rows(String csv, int step) throws IOException, FileRefusedException {
    return rows(csv, step, 64 * 1024);
  }

  private static FileRefusedException refused(String csv, int step) {
    return assertThrows(FileRefusedException.class, () -> rows(csv, step));
  }

  @ParameterizedTest
  @ValueSource(ints = {WHOLE, 1, 2, 3})
  void columnsInAnyOrderGoToTheirPlaceWithTheBranchKeptAndCustomColumnsIgnored(int step) throws Exception {
    String csv = "comment,x_note,overall_score,branch,surveyed_on,survey_id\n"
        + "fine,ignored,4,TPE01,2026-11-20,S-1\n"
        + ",,3,,2026-11-21,S-2\n";
    assertEquals(List.of(
        "2 S-1|2026-11-20|-|-|-|-|-|4|fine branch=TPE01",
        "3 S-2|2026-11-21|-|-|-|-|-|3|-"), rows(csv, step));
  }

  @ParameterizedTest
  @ValueSource(ints = {WHOLE, 1, 2, 3})
  void quotedFieldsKeepCommasQuotesAndLineBreaksAndRowsAreNumberedByTheLineTheyStartOn(int step) throws Exception {
    String csv = HEADER + "\n"
        + "S-1,2026-11-20,3,\"a, \"\"quoted\"\" comment\"\n"
        + "S-2,2026-11-20,4,\"two\nlines\"\n"
        + "S-3,2026-11-20,5,\"crlf\r\ninside\"\r\n"
        + "S-4,2026-11-20,1,\"lone\rcr\"\n"
        + "S-5,\"\",2,5\" screen\n"
        + "\"S-6\",2026-11-20,\"2\",\"\"\n"
        + "S-7,2026-11-20,3,\"end\"";
    assertEquals(List.of(
        "2 S-1|2026-11-20|-|-|-|-|-|3|a, \"quoted\" comment",
        "3 S-2|2026-11-20|-|-|-|-|-|4|two\nlines",
        "5 S-3|2026-11-20|-|-|-|-|-|5|crlf\r\ninside",
        "7 S-4|2026-11-20|-|-|-|-|-|1|lone\rcr",
        "9 S-5|-|-|-|-|-|-|2|5\" screen",
        "10 S-6|2026-11-20|-|-|-|-|-|2|-",
        "11 S-7|2026-11-20|-|-|-|-|-|3|end"), rows(csv, step));
  }

  @ParameterizedTest
  @ValueSource(ints = {WHOLE, 1, 2})
  void crlfLoneCrAndBlankLinesEndRowsAndStillCountAsLines(int step) throws Exception {
    String csv = "\n\r\n" + HEADER + "\r\n"
        + "S-1,2026-11-20,3,a\r\n"
        + "\r\n"
        + "S-2,2026-11-20,4,b\r"
        + "S-3,2026-11-20,5,c\n"
        + "\n\n"
        + "S-4,2026-11-20,1,d\r";
    assertEquals(List.of(
        "4 S-1|2026-11-20|-|-|-|-|-|3|a",
        "6 S-2|2026-11-20|-|-|-|-|-|4|b",
        "7 S-3|2026-11-20|-|-|-|-|-|5|c",
        "10 S-4|2026-11-20|-|-|-|-|-|1|d"), rows(csv, step));
  }

  @ParameterizedTest
  @ValueSource(ints = {WHOLE, 1})
  void aRowThatCannotBeReadIsRejectedWithItsLineAndTheReasonAndTheNextRowIsRead(int step) throws Exception {
    String csv = HEADER + "\n"
        + "S-1,2026-11-20,3,\"closed\"trailing\n"
        + "S-2,\"2026\"x,3,ok\n"
        + "\"S-3\"x,2026-11-20,\"3\"y,ok\n"
        + "S-4,2026-11-20,3\n"
        + "S-5,2026-11-20,3,ok,extra\n"
        + ",\n"
        + "S-6,2026-11-20,4,\"fine\"\n"
        + "S-7,2026-11-20,3,\"never closed\nS-8,2026-11-20,3,ok\n";
    assertEquals(List.of(
        "2 MALFORMED_ROW [] text follows the closing quote of field 4",
        "3 MALFORMED_ROW [] text follows the closing quote of field 2",
        "4 MALFORMED_ROW [] text follows the closing quote of field 1",
        "5 MALFORMED_ROW [] it has 3 fields where the header has 4",
        "6 MALFORMED_ROW [] it has 5 fields where the header has 4",
        "7 MALFORMED_ROW [] it has 2 fields where the header has 4",
        "8 S-6|2026-11-20|-|-|-|-|-|4|fine",
        "9 MALFORMED_ROW [] a quoted field opened on this line is never closed"), rows(csv, step));
  }

  /**
   * A row is at most the limit in UTF-8 bytes, its line ending included: 40 here, so 17 bytes of
   * {@code S-x,2026-11-20,3,}, a comment of 22 bytes and the LF. Characters of 1, 2, 3 and 4 bytes (a surrogate
   * pair) are counted at each edge of their size, and so is an escaped quote (two bytes for one character kept).
   */
  @ParameterizedTest
  @ValueSource(ints = {WHOLE, 1, 5})
  void aRowOfExactlyTheLimitIsReadAndOneByteMoreIsRejectedWhateverItsCharacters(int step) throws Exception {
    String csv = HEADER + "\n"
        + "S-A,2026-11-20,3," + "a".repeat(22) + "\n"
        + "S-B,2026-11-20,3," + "b".repeat(23) + "\n"
        + "S-C,2026-11-20,3," + "\u00e9".repeat(11) + "\n"
        + "S-D,2026-11-20,3," + "a" + "\u0080".repeat(11) + "\n"
        + "S-E,2026-11-20,3," + "\u0080".repeat(11) + "a" + "\n"
        + "S-F,2026-11-20,3," + "\u07ff".repeat(11) + "\n"
        + "S-G,2026-11-20,3," + "\u0800".repeat(7) + "aa" + "\n"
        + "S-H,2026-11-20,3," + "\u7406".repeat(7) + "a" + "\n"
        + "S-I,2026-11-20,3," + "\uD83D\uDE00".repeat(5) + "aa" + "\n"
        + "S-J,2026-11-20,3," + "\uD83D\uDE00".repeat(5) + "aaa" + "\n"
        + "S-K,2026-11-20,3,\"" + "\"\"".repeat(10) + "\"\n"
        + "S-L,2026-11-20,3,\"" + "\"\"".repeat(11) + "\"\n"
        + "S-M,2026-11-20,3,\"" + "x".repeat(30) + "\n" + "y".repeat(30) + "\"\n"
        + "S-N,2026-11-20,3,a,b\n"
        + "S-O,2026-11-20,5,ok\n";
    assertEquals(List.of(
        "2 S-A|2026-11-20|-|-|-|-|-|3|" + "a".repeat(22),
        "3 ROW_TOO_LARGE [] ",
        "4 S-C|2026-11-20|-|-|-|-|-|3|" + "\u00e9".repeat(11),
        "5 ROW_TOO_LARGE [] ",
        "6 ROW_TOO_LARGE [] ",
        "7 S-F|2026-11-20|-|-|-|-|-|3|" + "\u07ff".repeat(11),
        "8 ROW_TOO_LARGE [] ",
        "9 S-H|2026-11-20|-|-|-|-|-|3|" + "\u7406".repeat(7) + "a",
        "10 S-I|2026-11-20|-|-|-|-|-|3|" + "\uD83D\uDE00".repeat(5) + "aa",
        "11 ROW_TOO_LARGE [] ",
        "12 S-K|2026-11-20|-|-|-|-|-|3|" + "\"".repeat(10),
        "13 ROW_TOO_LARGE [] ",
        "14 ROW_TOO_LARGE [] ",
        "16 MALFORMED_ROW [] it has 5 fields where the header has 4",
        "17 S-O|2026-11-20|-|-|-|-|-|5|ok"), rows(csv, step, 40));
  }

  @ParameterizedTest
  @ValueSource(ints = {WHOLE, 1})
  void aRowOfOneFieldPastTheLimitIsRejectedLikeAnyOther(int step) throws Exception {
    String csv = HEADER + "\n" + "z".repeat(41) + "\n" + "S-1,2026-11-20,3,ok\n";
    assertEquals(List.of("2 ROW_TOO_LARGE [] ", "3 S-1|2026-11-20|-|-|-|-|-|3|ok"), rows(csv, step, 40));
  }

  @Test
  void theLastRowWithoutALineEndingMayUseTheWholeLimitUpToItsLastCharacter() throws Exception {
    String endsInARun = HEADER + "\nS-" + "1".repeat(23) + ",2026-11-20,3,c";
    String endsInAQuote = HEADER + "\nS-" + "1".repeat(22) + ",2026-11-20,3,c\"";
    assertEquals(List.of("2 S-" + "1".repeat(23) + "|2026-11-20|-|-|-|-|-|3|c"), rows(endsInARun, WHOLE, 40));
    assertEquals(List.of("2 S-" + "1".repeat(22) + "|2026-11-20|-|-|-|-|-|3|c\""), rows(endsInAQuote, WHOLE, 40));
    assertEquals(List.of("2 ROW_TOO_LARGE [] "), rows(endsInARun + "c", WHOLE, 40));
  }

  /** 16 KiB is the header's own limit, its line ending included: 43 bytes of names, 3 of {@code ,x_}, and the LF. */
  @ParameterizedTest
  @ValueSource(ints = {WHOLE, 7})
  void aHeaderOfExactly16KiBIsReadAndOneByteMoreIsRefusedNamingItsLine(int step) throws Exception {
    String longest = "\n" + HEADER + ",x_" + "a".repeat(16_337) + "\nS-1,2026-11-20,3,ok,custom\n";
    assertEquals(List.of("3 S-1|2026-11-20|-|-|-|-|-|3|ok"), rows(longest, step));
    FileRefusedException refused = refused(longest.replace("aaa\n", "aaaa\n"), step);
    assertEquals(RefusalReason.INVALID_HEADER, refused.reason());
    assertEquals("the header row (line 2) is longer than 16 KiB, more than column names can take; check that the file"
        + " starts with its header row", refused.getMessage());
  }

  @Test
  void aFirstLineOfOneFieldLongerThanAHeaderIsRefusedAsNoHeader() {
    FileRefusedException refused = refused("Q".repeat(20_000) + "\nS-1,2026-11-20,3,ok\n", WHOLE);
    assertEquals(RefusalReason.INVALID_HEADER, refused.reason());
    assertEquals("the header row (line 1) is longer than 16 KiB, more than column names can take; check that the file"
        + " starts with its header row", refused.getMessage());
  }

  @Test
  void aHeaderIsRefusedWithTheLineAndColumnsAtFaultAndWhatToDo() {
    assertEquals("INVALID_HEADER: header line 2, columns 3 and 5 carry the same name; remove one of them",
        refused("\n" + HEADER + ",overall_score\nS-1,2026-11-20,3,ok,3\n", WHOLE).describe());
    assertEquals("INVALID_HEADER: header line 1, column 3 is not a known column of surveys; the file may lack its"
        + " header row. Otherwise fix the name's spelling (names are case sensitive), remove the column, or prefix it"
        + " with x_", refused("survey_id,surveyed_on,Overall_score,comment\n", WHOLE).describe());
    assertEquals("INVALID_HEADER: required column 'overall_score' is missing from the header (line 1)",
        refused("survey_id,surveyed_on,comment\nS-1,2026-11-20,ok\n", WHOLE).describe());
    assertEquals("INVALID_HEADER: the header row (line 1) cannot be read as CSV: a quoted field opened on this line is"
        + " never closed", refused("survey_id,\"surveyed_on,overall_score,comment\nS-1\n", WHOLE).describe());
    assertEquals("INVALID_HEADER: the header row (line 3) cannot be read as CSV: text follows the closing quote of"
        + " field 2", refused("\n\nsurvey_id,\"surveyed_on\"x,overall_score,comment\n", WHOLE).describe());
  }

  @Test
  void aFileWithoutAHeaderRowIsRefusedAsEmptyAndAHeaderWithoutRowsHasNoRows() throws Exception {
    assertEquals("EMPTY_FILE: the file holds no header row and no data", refused("", WHOLE).describe());
    assertEquals("EMPTY_FILE: the file holds no header row and no data", refused("\n\r\n\r", WHOLE).describe());
    assertEquals(List.of(), rows(HEADER + "\n\n", WHOLE));
  }

  @Test
  void afterTheEndEveryCallSaysTheEndAndClosingClosesTheFile() throws Exception {
    TricklingReader file = new TricklingReader(HEADER + "\nS-1,2026-11-20,3,ok\n", 4);
    CsvRowReader rows = new CsvRowReader(file, RecordType.SURVEYS, 64 * 1024);
    assertEquals("2 S-1|2026-11-20|-|-|-|-|-|3|ok", RowText.of(RecordType.SURVEYS, rows.next()));
    assertNull(rows.next());
    assertNull(rows.next());
    rows.close();
    assertTrue(file.closed);
  }
}

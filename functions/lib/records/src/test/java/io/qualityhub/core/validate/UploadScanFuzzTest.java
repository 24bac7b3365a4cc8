package io.qualityhub.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.parse.RowReader;
import io.qualityhub.core.parse.UploadDecoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Fuzzes the whole intake read path, decoder, CSV / JSON Lines reader and scanner, with arbitrary
 * bytes. Whatever the bytes, a file ends either in rows (accepted or rejected, each at a real line)
 * or in a {@link FileRefusedException}; no other exception or error may escape, and no message may
 * repeat a value of the file.
 *
 * <p>To check the last point, every {@code ~} in the input is replaced by a planted value that looks
 * like personal data (a name, a national id number) before the file is read, so the fuzzer can move
 * planted values into header cells, JSON keys, quoted fields and broken rows; no reject, refusal or
 * exception message may then contain them. Seeds and findings live in
 * {@code src/test/resources/io/qualityhub/core/validate/UploadScanFuzzTestInputs/}; a plain
 * {@code mvn test} replays them, {@code JAZZER_FUZZ=1} fuzzes (docs/testing.md).
 */
class UploadScanFuzzTest {

  private static final byte PLACEHOLDER = '~';
  private static final String[] PLANTED = {"王小明Q7", "A123456789"};
  /** Pieces of the planted values that a message must not hold either, should a value be cut by a delimiter. */
  private static final String[] PLANTED_PIECES = {"王小明", "王小", "123456789"};
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final RecordType[] TYPES = RecordType.values();

  @FuzzTest(maxDuration = "2m")
  void csv(byte[] input) throws Exception {
    readAsEveryType(plant(input), FileFormat.CSV);
  }

  @FuzzTest(maxDuration = "2m")
  void jsonLines(byte[] input) throws Exception {
    readAsEveryType(plant(input), FileFormat.JSON_LINES);
  }

  /**
   * The input as the bytes of a {@code .gz} upload: a stream gzip cannot read whole is refused, and
   * one it can read gives exactly what the same content gives uncompressed.
   */
  @FuzzTest(maxDuration = "2m")
  void gzipped(byte[] input) throws Exception {
    byte[] content;
    try {
      content = new GZIPInputStream(new ByteArrayInputStream(input)).readAllBytes();
    } catch (IOException notGzip) {
      content = null;
    }
    for (FileFormat format : FileFormat.values()) {
      RecordType type = format == FileFormat.CSV ? RecordType.SALES : RecordType.CLAIMS;
      Outcome fromGzip = read(type, format, input, true);
      if (content == null) {
        assertNotNull(fromGzip.refusal(), "a stream gzip cannot read whole is refused, " + format);
      } else {
        assertSame(read(type, format, content, false), fromGzip, "gzipped " + format);
      }
    }
  }

  /**
   * Reads the bytes as a file of each record type; for one type whose header fits (or the first),
   * also checks that a byte-order mark and gzip change nothing.
   */
  private static void readAsEveryType(byte[] file, FileFormat format) throws Exception {
    RecordType compared = null;
    Outcome comparedOutcome = null;
    for (RecordType type : TYPES) {
      Outcome outcome = read(type, format, file, false);
      if (comparedOutcome == null || (comparedOutcome.refusal() != null && outcome.refusal() == null)) {
        compared = type;
        comparedOutcome = outcome;
      }
    }
    if (!startsWith(file, BOM)) {
      byte[] withBom = new byte[BOM.length + file.length];
      System.arraycopy(BOM, 0, withBom, 0, BOM.length);
      System.arraycopy(file, 0, withBom, BOM.length, file.length);
      assertSame(comparedOutcome, read(compared, format, withBom, false), "with a byte-order mark");
    }
    assertSame(comparedOutcome, read(compared, format, gzip(file), true), "gzipped");
  }

  /** What one read of a file gave: a description per row in file order, or the refusal. */
  private record Outcome(List<String> rows, String refusal) {}

  private static Outcome read(RecordType type, FileFormat format, byte[] file, boolean gzipped) throws Exception {
    String branch = type == RecordType.FINDINGS ? UploadKey.QUALITY_BRANCH : "TPE-01";
    int lastLine = lastPossibleLine(file, gzipped);
    int firstRowLine = format == FileFormat.CSV ? 2 : 1; // a CSV header takes line 1 at least
    List<String> rows = new ArrayList<>();
    int[] previousLine = {0};
    ScanResult result;
    try (RowReader reader = UploadDecoder.formatVersion1().open(new ByteArrayInputStream(file), type, format, gzipped)) {
      result = new FileScanner(type, branch).scan(reader, (line, values) -> {
        checkLine(line, firstRowLine, lastLine, previousLine);
        assertEquals(type.columns().size(), values.length, "an accepted row has a slot per column");
        rows.add(line + " accepted " + String.join("\u0000", nullsAsMarks(values)));
      }, reject -> {
        checkLine(reject.line(), firstRowLine, lastLine, previousLine);
        assertNoPlantedValue("reject message (" + reject.reason() + ")", reject.message());
        assertNoPlantedValue("reject column (" + reject.reason() + ")", reject.column());
        assertFalse(reject.message().isBlank(), "a reject says why");
        rows.add(reject.line() + " rejected " + reject.column() + " " + reject.reason() + " " + reject.message());
      });
    } catch (FileRefusedException refused) {
      assertNotNull(refused.reason());
      assertFalse(refused.getMessage() == null || refused.getMessage().isBlank(), "a refusal says why");
      assertNoPlantedValue("refusal (" + refused.reason() + ")", refused.describe());
      for (Throwable cause = refused.getCause(); cause != null; cause = cause.getCause()) {
        assertNoPlantedValue("cause of a refusal (" + refused.reason() + ")", String.valueOf(cause.getMessage()));
      }
      return new Outcome(List.of(), refused.describe());
    }
    // Anything else thrown above (an IOException from bytes in memory, a RuntimeException, an Error)
    // escapes this method and fails the test: the property is that nothing else can happen.
    assertEquals(rows.size(), result.rowsRead(), "every row read is either accepted or rejected");
    assertEquals(result.rowsRead(), result.accepted() + result.rejected());
    assertTrue(result.rowsRead() > 0, "a file without rows is refused, not scanned empty");
    return new Outcome(rows, null);
  }

  /** Row lines start at 1 (2 in CSV), rise strictly in file order, and stay within the file. */
  private static void checkLine(int line, int firstRowLine, int lastLine, int[] previousLine) {
    assertTrue(line >= firstRowLine, "row line " + line + " is before the first possible row line " + firstRowLine);
    assertTrue(line <= lastLine, "row line " + line + " is past the file's last line " + lastLine);
    assertTrue(line > previousLine[0], "row line " + line + " does not follow line " + previousLine[0]);
    previousLine[0] = line;
  }

  /** Every LF and every CR may end a line (CSV counts a lone CR); a row cannot start after the last one. */
  private static int lastPossibleLine(byte[] file, boolean gzipped) throws IOException {
    byte[] content = file;
    if (gzipped) {
      try {
        content = new GZIPInputStream(new ByteArrayInputStream(file)).readAllBytes();
      } catch (IOException unreadable) {
        return Integer.MAX_VALUE; // it is refused; no row can come
      }
    }
    int breaks = 0;
    for (byte b : content) {
      if (b == '\n' || b == '\r') {
        breaks++;
      }
    }
    return breaks + 1;
  }

  private static void assertNoPlantedValue(String where, String message) {
    if (message == null) {
      return;
    }
    for (String planted : PLANTED) {
      if (message.contains(planted)) {
        fail(where + " repeats a planted value of the file: " + masked(message));
      }
    }
    for (String piece : PLANTED_PIECES) {
      if (message.contains(piece)) {
        fail(where + " repeats part of a planted value of the file: " + masked(message));
      }
    }
  }

  /** The message with planted values blanked, so a failing run prints its shape but no ID-like value. */
  private static String masked(String message) {
    String masked = message;
    for (String planted : PLANTED) {
      masked = masked.replace(planted, "<planted>");
    }
    for (String piece : PLANTED_PIECES) {
      masked = masked.replace(piece, "<planted piece>");
    }
    return masked;
  }

  /** Compares two outcomes without printing row values when they differ. */
  private static void assertSame(Outcome expected, Outcome actual, String variant) {
    if (expected.refusal() != null || actual.refusal() != null) {
      assertEquals(masked(String.valueOf(expected.refusal())), masked(String.valueOf(actual.refusal())),
          variant + ": same refusal");
      return;
    }
    assertEquals(expected.rows().size(), actual.rows().size(), variant + ": same number of rows");
    for (int i = 0; i < expected.rows().size(); i++) {
      if (!expected.rows().get(i).equals(actual.rows().get(i))) {
        fail(variant + ": row " + (i + 1) + " differs (values not printed)");
      }
    }
  }

  /** Replaces each placeholder byte by a planted value, alternating between them. */
  private static byte[] plant(byte[] input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + 32);
    int planted = 0;
    for (byte b : input) {
      if (b == PLACEHOLDER) {
        out.writeBytes(PLANTED[planted++ % PLANTED.length].getBytes(StandardCharsets.UTF_8));
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  private static String[] nullsAsMarks(String[] values) {
    String[] marked = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      marked[i] = values[i] == null ? "\u0001null" : values[i];
    }
    return marked;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}

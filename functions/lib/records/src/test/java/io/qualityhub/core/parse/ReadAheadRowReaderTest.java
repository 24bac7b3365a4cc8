package io.qualityhub.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RefusalReason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading ahead on another thread gives the caller exactly what reading on its own thread gives. */
class ReadAheadRowReaderTest {

  private static final String HEADER = "survey_id,surveyed_on,overall_score,comment\n";
  private static final UploadDecoder DIRECT = UploadDecoder.formatVersion1();
  private static final UploadDecoder AHEAD = UploadDecoder.formatVersion1().readingAhead();

  /** 1,000 rows: several chunks of {@value ReadAheadRowReader#CHUNK_ROWS}; row 500 is broken (too few cells). */
  private static byte[] surveys() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 1000; i++) {
      csv.append(i == 500 ? "S-500,2026-11-20\n" : "S-" + i + ",2026-11-20," + (i % 5 + 1) + ",comment " + i + "\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theRowsAndTheirLinesAreThoseOfTheCallersOwnReading() throws Exception {
    List<String> direct = rows(DIRECT, surveys());
    List<String> ahead = rows(AHEAD, surveys());
    assertEquals(1000, ahead.size());
    assertEquals("2:S-1,2026-11-20,null,null,null,null,null,2,comment 1", ahead.get(0));
    assertEquals("501:broken:", ahead.get(499).substring(0, 11));
    assertEquals("1001:S-1000,2026-11-20,null,null,null,null,null,1,comment 1000", ahead.get(999));
    assertEquals(direct, ahead);
  }

  @Test
  void contentThatCannotBeDecodedIsRefusedAfterTheSameRows() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(surveys());
    bytes.writeBytes(new byte[] {'S', '-', (byte) 0xC3, (byte) 0x28, ',', '2', '\n'}); // invalid UTF-8 on line 1002
    List<String> seen = new ArrayList<>();
    FileRefusedException refused = assertThrows(FileRefusedException.class,
        () -> read(AHEAD, bytes.toByteArray(), seen));
    assertEquals(RefusalReason.UNREADABLE_ENCODING, refused.reason());
    List<String> seenDirect = new ArrayList<>();
    FileRefusedException refusedDirect = assertThrows(FileRefusedException.class,
        () -> read(DIRECT, bytes.toByteArray(), seenDirect));
    assertEquals(refusedDirect.describe(), refused.describe());
    assertEquals(seenDirect, seen);
  }

  @Test
  void aCallerThatStopsEarlyClosesTheFileAndLeavesNoReaderWaiting() throws Exception {
    boolean[] closed = {false};
    InputStream file = new ByteArrayInputStream(surveys()) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try (RowReader rows = AHEAD.open(file, RecordType.SURVEYS, FileFormat.CSV, false)) {
        assertEquals(2, rows.next().line());
      }
    });
    assertEquals(true, closed[0]);
  }

  @Test
  void afterTheEndEveryCallSaysTheEnd() throws Exception {
    try (RowReader rows = AHEAD.open(new ByteArrayInputStream((HEADER + "S-1,2026-11-20,3,ok\n")
        .getBytes(StandardCharsets.UTF_8)), RecordType.SURVEYS, FileFormat.CSV, false)) {
      assertEquals(2, rows.next().line());
      assertNull(rows.next());
      assertNull(rows.next());
    }
  }

  private static List<String> rows(UploadDecoder decoder, byte[] file) throws IOException, FileRefusedException {
    List<String> seen = new ArrayList<>();
    read(decoder, file, seen);
    return seen;
  }

  private static void read(UploadDecoder decoder, byte[] file, List<String> seen) throws IOException, FileRefusedException {
    try (RowReader rows = decoder.open(new ByteArrayInputStream(file), RecordType.SURVEYS, FileFormat.CSV, false)) {
      ParsedRow row;
      while ((row = rows.next()) != null) {
        seen.add(row.line() + ":" + (row.isBroken() ? "broken:" + row.structuralProblem()
            : String.join(",", Arrays.stream(row.values()).map(String::valueOf).toList())));
      }
    }
  }
}

package io.qualityhub.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The bytes of an upload on their way to rows: gunzipped when the key says so, a UTF-8 byte-order mark dropped,
 * strict UTF-8, and the uncompressed size limit (which also stops a decompression bomb), each refusal saying what to do.
 */
class UploadDecoderTest {

  private static final String HEADER = "survey_id,surveyed_on,overall_score,comment\n";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String GZIP_REFUSAL = "UNREADABLE_ENCODING: the file ends in .gz but is not a complete gzip stream;"
      + " compress it again with gzip";

  private static List<String> rows(UploadDecoder decoder, byte[] file, FileFormat format, boolean gzipped)
      throws IOException, FileRefusedException {
    return RowText.all(RecordType.SURVEYS, decoder.open(new ByteArrayInputStream(file), RecordType.SURVEYS, format,
        gzipped));
  }

  private static List<String> csv(byte[] file) throws IOException, FileRefusedException {
    return rows(UploadDecoder.formatVersion1(), file, FileFormat.CSV, false);
  }

  private static String refusal(UploadDecoder decoder, byte[] file, boolean gzipped) {
    return assertThrows(FileRefusedException.class, () -> rows(decoder, file, FileFormat.CSV, gzipped)).describe();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
      gz.write(plain);
    }
    return compressed.toByteArray();
  }

  @Test
  void oneByteOrderMarkIsDroppedAndASecondIsPartOfTheFirstColumnsName() throws Exception {
    byte[] file = utf8(HEADER + "S-1,2026-11-20,3,caf\u00e9\n");
    assertEquals(List.of("2 S-1|2026-11-20|-|-|-|-|-|3|caf\u00e9"), csv(concat(BOM, file)));
    assertEquals(List.of("2 S-1|2026-11-20|-|-|-|-|-|3|caf\u00e9"), csv(file));
    assertEquals("INVALID_HEADER: header line 1, column 1 is not a known column of surveys; the file may lack its header"
        + " row. Otherwise fix the name's spelling (names are case sensitive), remove the column, or prefix it with x_",
        refusal(UploadDecoder.formatVersion1(), concat(BOM, concat(BOM, file)), false));
    assertEquals("EMPTY_FILE: the file holds no header row and no data",
        refusal(UploadDecoder.formatVersion1(), BOM, false));
    assertEquals("INVALID_HEADER: required column 'survey_id' is missing from the header (line 1)",
        refusal(UploadDecoder.formatVersion1(), utf8("x_"), false));
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedWithWhatToDo() {
    assertEquals("UNREADABLE_ENCODING: the file is not valid UTF-8; save or export it as UTF-8 (with or without BOM)",
        refusal(UploadDecoder.formatVersion1(), (HEADER + "S-1,2026-11-20,3,caf\u00e9\n")
            .getBytes(StandardCharsets.ISO_8859_1), false));
    assertEquals("UNREADABLE_ENCODING: the file is not valid UTF-8; save or export it as UTF-8 (with or without BOM)",
        refusal(UploadDecoder.formatVersion1(), new byte[] {(byte) 0xEF, (byte) 0xBB, 'x'}, false));
  }

  @Test
  void aGzippedFileGivesTheRowsOfItsContentInEitherFormat() throws Exception {
    byte[] csv = utf8(HEADER + "S-1,2026-11-20,3,ok\nS-2,2026-11-21,4,\n");
    assertEquals(List.of("2 S-1|2026-11-20|-|-|-|-|-|3|ok", "3 S-2|2026-11-21|-|-|-|-|-|4|-"),
        rows(UploadDecoder.formatVersion1(), gzip(concat(BOM, csv)), FileFormat.CSV, true));
    byte[] jsonl = utf8("{\"survey_id\":\"S-1\",\"overall_score\":3}\n\n{\"survey_id\":\"S-2\",\"comment\":\"ok\"}\n");
    assertEquals(List.of("1 S-1|-|-|-|-|-|-|3|-", "3 S-2|-|-|-|-|-|-|-|ok"),
        rows(UploadDecoder.formatVersion1(), gzip(concat(BOM, jsonl)), FileFormat.JSON_LINES, true));
    assertEquals(List.of("1 S-1|-|-|-|-|-|-|3|-", "3 S-2|-|-|-|-|-|-|-|ok"),
        rows(UploadDecoder.formatVersion1(), jsonl, FileFormat.JSON_LINES, false));
  }

  @Test
  void aGzipStreamThatIsEmptyNotGzipTruncatedOrCorruptIsRefusedAsOne() throws Exception {
    byte[] csv = utf8(HEADER + "S-1,2026-11-20,3,ok\n".repeat(2000));
    byte[] compressed = gzip(csv);
    byte[] corrupt = compressed.clone();
    for (int i = 20; i < 40; i++) {
      corrupt[i] = (byte) 0xFF;
    }
    assertEquals(GZIP_REFUSAL, refusal(UploadDecoder.formatVersion1(), new byte[0], true));
    assertEquals(GZIP_REFUSAL, refusal(UploadDecoder.formatVersion1(), csv, true));
    assertEquals(GZIP_REFUSAL, refusal(UploadDecoder.formatVersion1(), Arrays.copyOf(compressed, compressed.length / 2),
        true));
    assertEquals(GZIP_REFUSAL, refusal(UploadDecoder.formatVersion1(), corrupt, true));
  }

  /**
   * 1 MiB exactly: the 44-byte header, 1,023 rows of 1,024 bytes and a last row of 980. A limit of 1 MiB takes all
   * of it; one byte more is refused, also when it comes out of a gzip stream of a few kilobytes.
   */
  @Test
  void aFileOfExactlyTheSizeLimitIsReadAndOneByteMoreIsRefusedGzippedOrNot() throws Exception {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 1023; i++) {
      csv.append(String.format("S-%04d,2026-11-20,3,", i)).append("c".repeat(1003)).append('\n');
    }
    csv.append("S-1024,2026-11-20,3,").append("c".repeat(959)).append('\n');
    byte[] exact = utf8(csv.toString());
    assertEquals(1_048_576, exact.length);
    UploadDecoder oneMiB = new UploadDecoder(1 << 20, 64 * 1024);

    List<String> rows = rows(oneMiB, exact, FileFormat.CSV, false);
    assertEquals(1024, rows.size());
    assertEquals("1025 S-1024|2026-11-20|-|-|-|-|-|3|" + "c".repeat(959), rows.get(1023));
    assertEquals(rows, rows(oneMiB, gzip(exact), FileFormat.CSV, true));

    byte[] oneMore = concat(exact, new byte[] {'\n'});
    String tooLarge = "FILE_TOO_LARGE: the file is larger than 1 MiB uncompressed; split it by business date or type";
    assertEquals(tooLarge, refusal(oneMiB, oneMore, false));
    assertEquals(tooLarge, refusal(oneMiB, gzip(oneMore), true));
  }

  @Test
  void closingTheRowsClosesTheUploadInEitherFormatGzippedOrNot() throws Exception {
    byte[] csv = utf8(HEADER + "S-1,2026-11-20,3,ok\n");
    for (FileFormat format : FileFormat.values()) {
      for (boolean gzipped : new boolean[] {false, true}) {
        boolean[] closed = {false};
        ByteArrayInputStream upload = new ByteArrayInputStream(gzipped ? gzip(csv) : csv) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
        UploadDecoder.formatVersion1().open(upload, RecordType.SURVEYS, format, gzipped).close();
        assertTrue(closed[0], format + (gzipped ? " gzipped" : ""));
      }
    }
  }
}

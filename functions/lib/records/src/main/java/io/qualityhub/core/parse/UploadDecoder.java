package io.qualityhub.core.parse;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RefusalReason;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Turns the raw bytes of an upload into rows: gunzips when asked, enforces the uncompressed size
 * limit, drops a UTF-8 byte-order mark, and decodes strictly, so a file in another encoding is
 * refused rather than stored as mojibake.
 */
public final class UploadDecoder {

  private static final int BUFFER = 64 * 1024;

  private final long maxUncompressedBytes;
  private final int maxRowBytes;
  private final boolean readAhead;

  public UploadDecoder(long maxUncompressedBytes, int maxRowBytes) {
    this(maxUncompressedBytes, maxRowBytes, false);
  }

  private UploadDecoder(long maxUncompressedBytes, int maxRowBytes, boolean readAhead) {
    this.maxUncompressedBytes = maxUncompressedBytes;
    this.maxRowBytes = maxRowBytes;
    this.readAhead = readAhead;
  }

  /**
   * The same decoder, reading each file's rows on another thread a few chunks ahead of the caller
   * ({@link ReadAheadRowReader}): worth it where a second core is free while the caller works on the rows.
   */
  public UploadDecoder readingAhead() {
    return new UploadDecoder(maxUncompressedBytes, maxRowBytes, true);
  }

  /** The limits of upload format version 1: 2 GiB uncompressed, 64 KiB per row. */
  public static UploadDecoder formatVersion1() {
    return new UploadDecoder(2L * 1024 * 1024 * 1024, 64 * 1024);
  }

  public RowReader open(InputStream raw, RecordType type, FileFormat format, boolean gzipped)
      throws IOException, FileRefusedException {
    InputStream bytes = new BufferedInputStream(raw, BUFFER);
    if (gzipped) {
      bytes = new GzipGuard(bytes);
    }
    bytes = new BufferedInputStream(new SizeLimit(bytes, maxUncompressedBytes), BUFFER);
    try {
      skipByteOrderMark(bytes);
    } catch (UnreadableContentException e) {
      throw new FileRefusedException(e.reason(), e.getMessage(), e);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    Reader chars = new DecodingGuard(new InputStreamReader(bytes, decoder));
    RowReader rows = format == FileFormat.CSV
        ? new CsvRowReader(chars, type, maxRowBytes)
        : new JsonLinesRowReader(chars, type, maxRowBytes);
    RowReader refusing = new RefusingRowReader(rows);
    return readAhead ? new ReadAheadRowReader(refusing) : refusing;
  }

  /** Turns undecodable content, met at any depth of the stream, into a refusal of the file. */
  private record RefusingRowReader(RowReader rows) implements RowReader {
    @Override
    public ParsedRow next() throws IOException, FileRefusedException {
      try {
        return rows.next();
      } catch (UnreadableContentException e) {
        throw new FileRefusedException(e.reason(), e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      rows.close();
    }
  }

  private static void skipByteOrderMark(InputStream in) throws IOException {
    in.mark(3);
    if (in.read() != 0xEF || in.read() != 0xBB || in.read() != 0xBF) {
      in.reset();
    }
  }

  /** Gunzips, reporting a corrupt or truncated stream as unreadable content. */
  private static final class GzipGuard extends FilterInputStream {
    private boolean opened;

    GzipGuard(InputStream in) {
      super(in);
    }

    private void open() throws IOException {
      if (!opened) {
        opened = true;
        try {
          in = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
        } catch (ZipException | EOFException e) {
          throw corrupt(e);
        }
      }
    }

    @Override
    public int read() throws IOException {
      open();
      try {
        return in.read();
      } catch (ZipException | EOFException e) {
        throw corrupt(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      open();
      try {
        return in.read(b, off, len);
      } catch (ZipException | EOFException e) {
        throw corrupt(e);
      }
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private static UnreadableContentException corrupt(IOException e) {
      return new UnreadableContentException(RefusalReason.UNREADABLE_ENCODING,
          "the file ends in .gz but is not a complete gzip stream; compress it again with gzip", e);
    }
  }

  /** Stops reading past the format's uncompressed size limit (a guard against decompression bombs too). */
  private static final class SizeLimit extends FilterInputStream {
    private final long limit;
    private long count;

    SizeLimit(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void count(int n) throws UnreadableContentException {
      count += n;
      if (count > limit) {
        throw new UnreadableContentException(RefusalReason.FILE_TOO_LARGE,
            "the file is larger than " + (limit >> 20) + " MiB uncompressed; split it by business date or type", null);
      }
    }
  }

  /** Reports bytes that are not UTF-8 as unreadable content. */
  private static final class DecodingGuard extends java.io.FilterReader {
    DecodingGuard(Reader in) {
      super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      try {
        return in.read(cbuf, off, len);
      } catch (CharacterCodingException e) {
        throw new UnreadableContentException(RefusalReason.UNREADABLE_ENCODING,
            "the file is not valid UTF-8; save or export it as UTF-8 (with or without BOM)", e);
      }
    }

    @Override
    public int read() throws IOException {
      char[] one = new char[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0];
    }
  }
}

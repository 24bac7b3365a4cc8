package io.qualityhub.core.parse;

import java.io.IOException;
import java.io.Reader;

/**
 * Unsynchronised single-character reads over a {@link Reader}: the parsers read every character
 * of files up to 2 GiB, and {@code BufferedReader.read()} takes a lock per call.
 */
final class CharCursor {

  static final int END = -1;

  private final Reader in;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;

  CharCursor(Reader in) {
    this.in = in;
  }

  int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return END;
      }
    }
    return buffer[position++];
  }

  /** Looks at the next character without consuming it. */
  int peek() throws IOException {
    int c = read();
    if (c != END) {
      position--;
    }
    return c;
  }

  /**
   * Copies characters up to, not including, the next one of {@code stops} or the end of the
   * buffered text, appending them to {@code out} when {@code keep}; returns their UTF-8 size. The
   * parsers' fast path: runs of ordinary characters move in bulk instead of one call each.
   */
  int copyUntil(StringBuilder out, boolean keep, char stop1, char stop2, char stop3, char stop4) {
    int start = position;
    int bytes = 0;
    int i = position;
    while (i < limit) {
      char c = buffer[i];
      if (c == stop1 || c == stop2 || c == stop3 || c == stop4) {
        break;
      }
      bytes += c < 0x80 ? 1 : utf8Length(c);
      i++;
    }
    if (keep) {
      out.append(buffer, start, i - start);
    }
    position = i;
    return bytes;
  }

  void close() throws IOException {
    in.close();
  }

  /** UTF-8 length of a character, counting each half of a surrogate pair as 2 bytes (4 for the pair). */
  static int utf8Length(int c) {
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800 || Character.isSurrogate((char) c)) {
      return 2;
    }
    return 3;
  }
}

package io.qualityhub.core.parse;

import java.io.Reader;

/**
 * Hands out its text a few characters per read, as a network stream may, so that every look-ahead of the parsers
 * (an escaped quote, CRLF, the end of a run of ordinary characters) also meets the end of what was read so far.
 */
final class TricklingReader extends Reader {

  private final String text;
  private final int step;
  private int position;
  boolean closed;

  TricklingReader(String text, int step) {
    this.text = text;
    this.step = step;
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    if (position == text.length()) {
      return -1;
    }
    int n = Math.min(Math.min(step, length), text.length() - position);
    text.getChars(position, position + n, buffer, offset);
    position += n;
    return n;
  }

  @Override
  public void close() {
    closed = true;
  }
}

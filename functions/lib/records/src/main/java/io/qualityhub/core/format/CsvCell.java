package io.qualityhub.core.format;

/**
 * One cell of a CSV file that people open in a spreadsheet: RFC 4180 quoting, and a leading
 * {@code '} on a cell that a spreadsheet would run as a formula (one starting with
 * {@code = + - @}, a tab or a carriage return), so it is shown as text.
 */
public final class CsvCell {

  private CsvCell() {}

  public static String of(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    String safe = "=+-@\t\r".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
    boolean needsQuotes = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
        || safe.indexOf('\n') >= 0;
    return needsQuotes ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }
}

package io.qualityhub.core.parse;

import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RefusalReason;
import io.qualityhub.core.format.RejectReason;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RFC 4180 rows (comma separated, double-quote quoting, quoted fields may span lines, LF or CRLF)
 * mapped onto a record type's columns by the header row. Written by hand rather than with a CSV
 * library because intake needs, for every row, the line where it starts and a size check that
 * stops buffering a runaway row at 64 KiB.
 */
public final class CsvRowReader implements RowReader {

  private static final int IGNORED = -1;
  private static final int BRANCH = -2;

  private final CharCursor in;
  private final RecordType type;
  private final int maxRowBytes;
  private final List<String> fields = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();
  private int[] targetIndex;
  private int line = 1;
  private boolean headerRead;

  // The outcome of the last readRecord call, besides the fields themselves.
  private int recordLine;
  private int recordBytes;
  private String recordProblem;

  public CsvRowReader(Reader reader, RecordType type, int maxRowBytes) {
    this.in = new CharCursor(reader);
    this.type = type;
    this.maxRowBytes = maxRowBytes;
  }

  @Override
  public ParsedRow next() throws IOException, FileRefusedException {
    if (!headerRead) {
      readHeader();
    }
    while (readRecord()) {
      if (recordProblem == null && fields.size() == 1 && fields.get(0).isEmpty()) {
        continue; // a blank line
      }
      if (recordBytes > maxRowBytes) {
        return ParsedRow.broken(recordLine, RejectReason.ROW_TOO_LARGE, "", "");
      }
      if (recordProblem != null) {
        return ParsedRow.broken(recordLine, RejectReason.MALFORMED_ROW, "", recordProblem);
      }
      if (fields.size() != targetIndex.length) {
        return ParsedRow.broken(recordLine, RejectReason.MALFORMED_ROW, "",
            "it has " + fields.size() + " fields where the header has " + targetIndex.length);
      }
      return toRow();
    }
    return null;
  }

  private ParsedRow toRow() {
    String[] values = new String[type.columns().size()];
    String branch = null;
    for (int i = 0; i < targetIndex.length; i++) {
      String value = fields.get(i);
      if (value.isEmpty()) {
        continue;
      }
      int target = targetIndex[i];
      if (target >= 0) {
        values[target] = value;
      } else if (target == BRANCH) {
        branch = value;
      }
    }
    return ParsedRow.of(recordLine, values, null, branch);
  }

  private void readHeader() throws IOException, FileRefusedException {
    headerRead = true;
    do {
      if (!readRecord()) {
        throw new FileRefusedException(RefusalReason.EMPTY_FILE, "the file holds no header row and no data");
      }
    } while (recordProblem == null && fields.size() == 1 && fields.get(0).isEmpty());
    if (recordProblem != null || recordBytes > maxRowBytes) {
      throw new FileRefusedException(RefusalReason.INVALID_HEADER,
          "the header row (line " + recordLine + ") cannot be read as CSV" + (recordProblem == null ? "" : ": " + recordProblem));
    }
    targetIndex = new int[fields.size()];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i);
      String where = " (header line " + recordLine + ", column " + (i + 1) + ")";
      if (!seen.add(name)) {
        throw new FileRefusedException(RefusalReason.INVALID_HEADER, "column '" + name + "' appears twice" + where);
      }
      int index = type.indexOf(name);
      if (index >= 0) {
        targetIndex[i] = index;
      } else if (name.equals(RecordType.BRANCH_COLUMN)) {
        targetIndex[i] = BRANCH;
      } else if (RecordType.isCustomColumn(name)) {
        targetIndex[i] = IGNORED;
      } else {
        throw new FileRefusedException(RefusalReason.INVALID_HEADER, "column '" + name + "' is not part of "
            + type.wireName() + where + "; remove it, fix its spelling (names are case sensitive), or prefix it with x_");
      }
    }
    for (Column column : type.columns()) {
      if (column.required() && !seen.contains(column.name())) {
        throw new FileRefusedException(RefusalReason.INVALID_HEADER,
            "required column '" + column.name() + "' is missing from the header (line " + recordLine + ")");
      }
    }
  }

  /**
   * Reads one record into {@link #fields}. Returns false at the end of input with nothing read.
   * Stops keeping characters once the record exceeds the row limit, but still reads to its end so
   * the next record starts in the right place.
   */
  private boolean readRecord() throws IOException {
    fields.clear();
    field.setLength(0);
    recordLine = line;
    recordBytes = 0;
    recordProblem = null;
    int c = in.read();
    if (c == CharCursor.END) {
      return false;
    }
    boolean quoted = false;
    boolean afterClosingQuote = false;
    boolean fieldStart = true;
    while (true) {
      if (c != CharCursor.END && !afterClosingQuote && (quoted ? c != '"' && c != '\n' && c != '\r' : c != ',' && c != '\n'
          && c != '\r' && c != '"')) {
        // An ordinary character: take it and the run of ordinary ones after it in one go.
        recordBytes += CharCursor.utf8Length(c);
        boolean keep = recordBytes <= maxRowBytes;
        if (keep) {
          field.append((char) c);
        }
        recordBytes += quoted
            ? in.copyUntil(field, keep, '"', '\n', '\r', '"')
            : in.copyUntil(field, keep, ',', '\n', '\r', '"');
        fieldStart = false;
        c = in.read();
        continue;
      }
      if (c == CharCursor.END) {
        if (quoted) {
          recordProblem = "a quoted field opened on this line is never closed";
        }
        endField();
        return true;
      }
      recordBytes += CharCursor.utf8Length(c);
      boolean keep = recordBytes <= maxRowBytes;
      if (quoted) {
        if (c == '"') {
          if (in.peek() == '"') {
            in.read();
            recordBytes++;
            if (keep) {
              field.append('"');
            }
          } else {
            quoted = false;
            afterClosingQuote = true;
          }
        } else {
          if (c == '\n' || (c == '\r' && in.peek() != '\n')) {
            line++;
          }
          if (keep) {
            field.append((char) c);
          }
        }
      } else if (c == ',') {
        endField();
        fieldStart = true;
        afterClosingQuote = false;
        c = in.read();
        continue;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && in.peek() == '\n') {
          in.read();
        }
        line++;
        endField();
        return true;
      } else if (c == '"' && fieldStart) {
        quoted = true;
      } else if (afterClosingQuote) {
        if (recordProblem == null) {
          recordProblem = "text follows the closing quote of field " + (fields.size() + 1);
        }
      } else if (keep) {
        field.append((char) c);
      }
      fieldStart = false;
      c = in.read();
    }
  }

  private void endField() {
    fields.add(field.toString());
    field.setLength(0);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

package io.qualityhub.core.parse;

import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RefusalReason;
import io.qualityhub.core.format.RejectReason;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 rows (comma separated, double-quote quoting, quoted fields may span lines, LF or CRLF)
 * mapped onto a record type's columns by the header row. Written by hand rather than with a CSV
 * library because intake needs, for every row, the line where it starts and a size check that
 * stops buffering a runaway row at 64 KiB: past it, fields are counted, not kept, so memory stays
 * bounded whatever a row holds (a billion commas included).
 */
public final class CsvRowReader implements RowReader {

  private static final int IGNORED = -1;
  private static final int BRANCH = -2;
  /** A header holds names only; the longest valid one is well under 2 KiB. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  private final CharCursor in;
  private final RecordType type;
  private final int maxRowBytes;
  private final List<String> fields = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();
  private int[] targetIndex;
  private int keepLimit;
  private int line = 1;
  private boolean headerRead;

  // The outcome of the last readRecord call, besides the fields themselves.
  private int recordLine;
  private long recordBytes;
  private long recordFields;
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
    while (readRecord(maxRowBytes)) {
      if (isBlankLine()) {
        continue;
      }
      if (recordBytes > maxRowBytes) {
        return ParsedRow.broken(recordLine, RejectReason.ROW_TOO_LARGE, "", "");
      }
      if (recordProblem != null) {
        return ParsedRow.broken(recordLine, RejectReason.MALFORMED_ROW, "", recordProblem);
      }
      if (recordFields != targetIndex.length) {
        return ParsedRow.broken(recordLine, RejectReason.MALFORMED_ROW, "",
            "it has " + recordFields + " fields where the header has " + targetIndex.length);
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
      if (!readRecord(MAX_HEADER_BYTES)) {
        throw new FileRefusedException(RefusalReason.EMPTY_FILE, "the file holds no header row and no data");
      }
    } while (isBlankLine());
    if (recordBytes > MAX_HEADER_BYTES) {
      throw new FileRefusedException(RefusalReason.INVALID_HEADER, "the header row (line " + recordLine + ") is longer than "
          + (MAX_HEADER_BYTES >> 10) + " KiB, more than column names can take; check that the file starts with its header row");
    }
    if (recordProblem != null) {
      throw new FileRefusedException(RefusalReason.INVALID_HEADER,
          "the header row (line " + recordLine + ") cannot be read as CSV: " + recordProblem);
    }
    // Messages name header cells by position only: in a file without its header row, they are customer data.
    targetIndex = new int[fields.size()];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i);
      Integer earlier = seen.putIfAbsent(name, i + 1);
      if (earlier != null) {
        throw new FileRefusedException(RefusalReason.INVALID_HEADER, "header line " + recordLine + ", columns " + earlier
            + " and " + (i + 1) + " carry the same name; remove one of them");
      }
      int index = type.indexOf(name);
      if (index >= 0) {
        targetIndex[i] = index;
      } else if (name.equals(RecordType.BRANCH_COLUMN)) {
        targetIndex[i] = BRANCH;
      } else if (RecordType.isCustomColumn(name)) {
        targetIndex[i] = IGNORED;
      } else {
        throw new FileRefusedException(RefusalReason.INVALID_HEADER, "header line " + recordLine + ", column " + (i + 1)
            + " is not a known column of " + type.wireName() + "; the file may lack its header row. Otherwise fix the"
            + " name's spelling (names are case sensitive), remove the column, or prefix it with x_");
      }
    }
    for (Column column : type.columns()) {
      if (column.required() && !seen.containsKey(column.name())) {
        throw new FileRefusedException(RefusalReason.INVALID_HEADER,
            "required column '" + column.name() + "' is missing from the header (line " + recordLine + ")");
      }
    }
  }

  /** A record of one empty field; one field past the size limit is kept as none, so it is never blank. */
  private boolean isBlankLine() {
    return recordProblem == null && recordFields == 1 && fields.size() == 1 && fields.get(0).isEmpty();
  }

  /**
   * Reads one record into {@link #fields}. Returns false at the end of input with nothing read.
   * Stops keeping characters and fields once the record exceeds {@code limit} bytes, but still
   * reads (and counts fields) to its end so the next record starts in the right place.
   */
  private boolean readRecord(int limit) throws IOException {
    fields.clear();
    field.setLength(0);
    keepLimit = limit;
    recordLine = line;
    recordBytes = 0;
    recordFields = 0;
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
        boolean keep = recordBytes <= keepLimit;
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
      boolean keep = recordBytes <= keepLimit;
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
    recordFields++;
    if (recordBytes <= keepLimit) {
      fields.add(field.toString());
    }
    field.setLength(0);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

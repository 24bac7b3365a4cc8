package io.qualityhub.core.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.ColumnType;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RejectReason;
import java.io.IOException;
import java.io.Reader;

/**
 * JSON Lines rows: one object per line, read with Jackson's token stream (no tree or map per row).
 * JSON booleans become {@code Y}/{@code N} so that validation reads both formats alike; a value of
 * the wrong JSON kind is recorded as that column's type problem.
 */
public final class JsonLinesRowReader implements RowReader {

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final CharCursor in;
  private final RecordType type;
  private final int maxRowBytes;
  private final StringBuilder text = new StringBuilder();
  private int line;

  public JsonLinesRowReader(Reader reader, RecordType type, int maxRowBytes) {
    this.in = new CharCursor(reader);
    this.type = type;
    this.maxRowBytes = maxRowBytes;
  }

  @Override
  public ParsedRow next() throws IOException, FileRefusedException {
    while (true) {
      int bytes = readLine();
      if (bytes < 0) {
        return null;
      }
      if (bytes > maxRowBytes) {
        return ParsedRow.broken(line, RejectReason.ROW_TOO_LARGE, "", "");
      }
      if (!text.isEmpty() && !text.toString().isBlank()) {
        return parse(line, text.toString());
      }
    }
  }

  /** Reads the next line into {@link #text}; returns its UTF-8 size, or -1 at end of input. */
  private int readLine() throws IOException {
    text.setLength(0);
    int c = in.read();
    if (c == CharCursor.END) {
      return -1;
    }
    line++;
    int bytes = 0;
    while (c != CharCursor.END && c != '\n') {
      bytes += CharCursor.utf8Length(c);
      if (bytes <= maxRowBytes && c != '\r') {
        text.append((char) c);
      }
      c = in.read();
    }
    return bytes;
  }

  private ParsedRow parse(int rowLine, String json) throws IOException {
    String[] values = new String[type.columns().size()];
    RejectReason[] problems = null;
    String branch = null;
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return ParsedRow.broken(rowLine, RejectReason.MALFORMED_ROW, "", "the line is not a JSON object");
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        int index = type.indexOf(name);
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          if (index >= 0 || name.equals(RecordType.BRANCH_COLUMN)) {
            return ParsedRow.broken(rowLine, RejectReason.MALFORMED_ROW, "", "'" + name + "' holds an object or array");
          }
          parser.skipChildren();
        }
        if (index >= 0) {
          Column column = type.column(index);
          if (value == JsonToken.VALUE_NULL) {
            continue;
          }
          if (column.type() == ColumnType.BOOLEAN) {
            if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
              values[index] = value == JsonToken.VALUE_TRUE ? "Y" : "N";
              continue;
            }
            problems = markProblem(problems, index, RejectReason.INVALID_BOOLEAN);
            values[index] = "";
            continue;
          }
          if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
            RejectReason reason = column.type().invalidReason();
            problems = markProblem(problems, index, reason == null ? RejectReason.MALFORMED_ROW : reason);
            values[index] = "";
            continue;
          }
          String textValue = parser.getText();
          values[index] = textValue.isEmpty() ? null : textValue;
        } else if (name.equals(RecordType.BRANCH_COLUMN)) {
          branch = value == JsonToken.VALUE_NULL ? null : parser.getText();
        } else if (!RecordType.isCustomColumn(name)) {
          return ParsedRow.broken(rowLine, RejectReason.UNKNOWN_COLUMN, name, name);
        }
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return ParsedRow.broken(rowLine, RejectReason.MALFORMED_ROW, "", "the line holds more than one JSON object");
      }
    } catch (JsonProcessingException e) {
      // The parser's own message can quote the offending text, which may be sensitive: keep the position only.
      return ParsedRow.broken(rowLine, RejectReason.MALFORMED_ROW, "",
          "invalid JSON at column " + e.getLocation().getColumnNr());
    }
    return ParsedRow.of(rowLine, values, problems, branch);
  }

  private RejectReason[] markProblem(RejectReason[] problems, int index, RejectReason reason) {
    RejectReason[] marked = problems == null ? new RejectReason[type.columns().size()] : problems;
    if (marked[index] == null) {
      marked[index] = reason;
    }
    return marked;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

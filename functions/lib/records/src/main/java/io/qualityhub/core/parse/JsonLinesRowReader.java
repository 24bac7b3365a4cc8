package io.qualityhub.core.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.ColumnType;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RejectReason;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * JSON Lines rows: one object per line, read with Jackson's token stream (no tree or map per row).
 * JSON booleans become {@code Y}/{@code N} so that validation reads both formats alike; a value of
 * the wrong JSON kind is recorded as that column's type problem. Explicit stream limits (nesting,
 * number, string and name length) and a repeated key are row rejects that name a position, never
 * the text: a key can itself be a value typed in the wrong place.
 */
public final class JsonLinesRowReader implements RowReader {

  /** Rows are flat objects; custom {@code x_} columns may nest a little. */
  static final int MAX_NESTING_DEPTH = 16;
  /** An amount has at most 15 integer digits and 2 decimals; a score one digit. */
  static final int MAX_NUMBER_LENGTH = 64;
  static final int MAX_NAME_LENGTH = 256;

  private final JsonFactory json;

  private final CharCursor in;
  private final RecordType type;
  private final int maxRowBytes;
  private final StringBuilder text = new StringBuilder();
  private int line;

  public JsonLinesRowReader(Reader reader, RecordType type, int maxRowBytes) {
    this.in = new CharCursor(reader);
    this.type = type;
    this.maxRowBytes = maxRowBytes;
    this.json = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxStringLength(maxRowBytes)
            .maxDocumentLength(maxRowBytes)
            .build())
        .build();
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
    JsonParser parser = null;
    Map<String, Integer> keyNumbers = new HashMap<>();
    int reading = 0; // the top-level key being read, for messages: Jackson reads a name and its value's start in one step
    try (JsonParser opened = this.json.createParser(json)) {
      parser = opened;
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return ParsedRow.broken(rowLine, RejectReason.MALFORMED_ROW, "", "the line is not a JSON object");
      }
      JsonToken token;
      while (true) {
        reading = keyNumbers.size() + 1;
        token = parser.nextToken();
        if (token != JsonToken.FIELD_NAME) {
          break;
        }
        String name = parser.currentName();
        int keyNumber = reading;
        if (keyNumbers.putIfAbsent(name, keyNumber) != null) {
          return ParsedRow.broken(rowLine, RejectReason.MALFORMED_ROW, "", "key number " + keyNumber
              + " of the object repeats an earlier key");
        }
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
            boolean anyText = column.type() == ColumnType.TEXT || column.type() == ColumnType.IDENTIFIER;
            problems = markProblem(problems, index, anyText ? RejectReason.MALFORMED_ROW : column.type().invalidReason());
            values[index] = "";
            continue;
          }
          String textValue = parser.getText();
          values[index] = textValue.isEmpty() ? null : textValue;
        } else if (name.equals(RecordType.BRANCH_COLUMN)) {
          branch = value == JsonToken.VALUE_NULL ? null : parser.getText();
        } else if (!RecordType.isCustomColumn(name)) {
          return ParsedRow.broken(rowLine, RejectReason.UNKNOWN_COLUMN, "", Integer.toString(keyNumber));
        }
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return ParsedRow.broken(rowLine, RejectReason.MALFORMED_ROW, "", "the line holds more than one JSON object");
      }
    } catch (StreamConstraintsException e) {
      return ParsedRow.broken(rowLine, RejectReason.MALFORMED_ROW, "",
          JsonLimit.of(e).describe(reading));
    } catch (JsonProcessingException e) {
      // The parser's own message can quote the offending text, which may be sensitive: keep the position only.
      return ParsedRow.broken(rowLine, RejectReason.MALFORMED_ROW, "", "invalid JSON at column " + column(e, parser));
    }
    return ParsedRow.of(rowLine, values, problems, branch);
  }

  /** Where the parser stopped; constraint violations carry no location of their own. */
  private static int column(JsonProcessingException e, JsonParser parser) {
    JsonLocation location = e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation();
    return location == null ? 1 : Math.max(1, location.getColumnNr());
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

package io.qualityhub.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON Lines rows: values by column, booleans as {@code Y}/{@code N}, a value of the wrong JSON kind as that column's
 * problem, and every row that cannot be read rejected with its line and words that name positions, never values.
 */
class JsonLinesRowReaderTest {

  private static final int WHOLE = Integer.MAX_VALUE;

  private static List<String> rows(RecordType type, String jsonl, int step, int maxRowBytes)
      throws IOException, FileRefusedException {
    return RowText.all(type, new JsonLinesRowReader(new TricklingReader(jsonl, step), type, maxRowBytes));
  }

  private static List<String> rows(RecordType type, String jsonl) throws IOException, FileRefusedException {
    return rows(type, jsonl, WHOLE, 64 * 1024);
  }

  @ParameterizedTest
  @ValueSource(ints = {WHOLE, 1, 3})
  void valuesGoToTheirColumnsBooleansBecomeYAndNAndNullOrEmptyIsAbsent(int step) throws Exception {
    String jsonl = "{\"inspector_id\":\"I-1\",\"home_branch\":\"TPE01\",\"team\":\"north\",\"capacity\":3,"
        + "\"active\":true,\"branch\":\"TPE01\"}\n"
        + "{\"inspector_id\":\"I-2\",\"home_branch\":\"\",\"team\":null,\"active\":false,"
        + "\"x_note\":{\"deep\":[1,{\"a\":null}]},\"x_flag\":true,\"branch\":null,\"capacity\":\"12\"}\n"
        + "\n"
        + "  \t \n"
        + "{\"inspector_id\":\"I-3\",\"team\":\"a\\\"b\\u00e9\",\"active\":null,\"x_list\":[[]]}\r\n";
    assertEquals(List.of(
        "1 I-1|TPE01|north|3|Y branch=TPE01",
        "2 I-2|-|-|12|N",
        "5 I-3|-|a\"b\u00e9|-|-"), rows(RecordType.INSPECTORS, jsonl, step, 64 * 1024));
  }

  @Test
  void aValueOfTheWrongJsonKindIsThatColumnsProblem() throws Exception {
    String inspectors = "{\"inspector_id\":true,\"home_branch\":\"TPE01\",\"team\":false,\"capacity\":true,"
        + "\"active\":\"Y\"}\n"
        + "{\"inspector_id\":\"I-2\",\"active\":1}\n";
    assertEquals(List.of(
        "1 |TPE01||| inspector_id=MALFORMED_ROW team=INVALID_ENUM capacity=INVALID_COUNT active=INVALID_BOOLEAN",
        "2 I-2|-|-|-| active=INVALID_BOOLEAN"), rows(RecordType.INSPECTORS, inspectors));
    String surveys = "{\"survey_id\":\"S-1\",\"comment\":true,\"overall_score\":false}\n";
    assertEquals(List.of("1 S-1|-|-|-|-|-|-|| overall_score=INVALID_SCORE comment=MALFORMED_ROW"),
        rows(RecordType.SURVEYS, surveys));
  }

  @Test
  void aLineThatIsNotOneFlatObjectOfKnownKeysIsRejectedWithItsLineAndWhereItWentWrong() throws Exception {
    String jsonl = "{\"survey_id\":{\"a\":1}}\n"
        + "{\"survey_id\":\"S-2\",\"branch\":[\"TPE01\"]}\n"
        + "{\"survey_id\":\"S-3\",\"colour\":\"red\"}\n"
        + "{\"survey_id\":\"S-4\",\"overall_score\":3,\"survey_id\":\"S-5\"}\n"
        + "[1,2]\n"
        + "\"text\"\n"
        + "{\"survey_id\":\"S-7\"} {\"survey_id\":\"S-8\"}\n"
        + "{\"survey_id\":\"S-9\",}\n"
        + "{\"survey_id\":\"S-10\"\n"
        + "{\"survey_id\":\"S-11\",\"overall_score\":4}\n";
    assertEquals(List.of(
        "1 MALFORMED_ROW [] 'survey_id' holds an object or array",
        "2 MALFORMED_ROW [] 'branch' holds an object or array",
        "3 UNKNOWN_COLUMN [] 2",
        "4 MALFORMED_ROW [] key number 3 of the object repeats an earlier key",
        "5 MALFORMED_ROW [] the line is not a JSON object",
        "6 MALFORMED_ROW [] the line is not a JSON object",
        "7 MALFORMED_ROW [] the line holds more than one JSON object",
        "8 MALFORMED_ROW [] invalid JSON at column 20",
        "9 MALFORMED_ROW [] invalid JSON at column 20",
        "10 S-11|-|-|-|-|-|-|4|-"), rows(RecordType.SURVEYS, jsonl));
  }

  /**
   * The row limit counts a line's UTF-8 bytes without its LF: 64 here, 30 bytes of {@code {"survey_id":"S-1","comment":"}
   * and 2 of the closing {@code "}}, so a comment of 32 bytes fits and 33 do not, in characters of each size.
   */
  @ParameterizedTest
  @ValueSource(ints = {WHOLE, 1})
  void aLineOfExactlyTheLimitIsReadAndOneByteMoreIsRejected(int step) throws Exception {
    String[] fits = {"a".repeat(32), "\u00e9".repeat(16), "\u0080".repeat(16), "\u07ff".repeat(16),
        "\u0800".repeat(10) + "aa", "\uD83D\uDE00".repeat(8)};
    String[] tooLong = {"a".repeat(33), "a" + "\u0080".repeat(16), "\u0800".repeat(11),
        "\uD83D\uDE00".repeat(8) + "a"};
    StringBuilder jsonl = new StringBuilder();
    for (String comment : fits) {
      jsonl.append("{\"survey_id\":\"S-1\",\"comment\":\"").append(comment).append("\"}\n");
    }
    for (String comment : tooLong) {
      jsonl.append("{\"survey_id\":\"S-1\",\"comment\":\"").append(comment).append("\"}\n");
    }
    jsonl.append("{\"survey_id\":\"S-2\"}");
    assertEquals(List.of(
        "1 S-1|-|-|-|-|-|-|-|" + "a".repeat(32),
        "2 S-1|-|-|-|-|-|-|-|" + "\u00e9".repeat(16),
        "3 S-1|-|-|-|-|-|-|-|" + "\u0080".repeat(16),
        "4 S-1|-|-|-|-|-|-|-|" + "\u07ff".repeat(16),
        "5 S-1|-|-|-|-|-|-|-|" + "\u0800".repeat(10) + "aa",
        "6 S-1|-|-|-|-|-|-|-|" + "\uD83D\uDE00".repeat(8),
        "7 ROW_TOO_LARGE [] ",
        "8 ROW_TOO_LARGE [] ",
        "9 ROW_TOO_LARGE [] ",
        "10 ROW_TOO_LARGE [] ",
        "11 S-2|-|-|-|-|-|-|-|-"), rows(RecordType.SURVEYS, jsonl.toString(), step, 64));
  }

  @Test
  void nestingNumbersAndKeysAreReadUpToTheirLimitAndRejectedOnePastItNamingTheKey() throws Exception {
    String jsonl = "{\"survey_id\":\"S-1\",\"x_deep\":" + "[".repeat(15) + "]".repeat(15) + "}\n"
        + "{\"survey_id\":\"S-2\",\"x_deep\":" + "[".repeat(16) + "]".repeat(16) + "}\n"
        + "{\"survey_id\":\"S-3\",\"overall_score\":" + "9".repeat(64) + "}\n"
        + "{\"survey_id\":\"S-4\",\"overall_score\":" + "9".repeat(65) + "}\n"
        + "{\"survey_id\":\"S-5\",\"x_" + "k".repeat(254) + "\":1}\n"
        + "{\"survey_id\":\"S-6\",\"x_" + "k".repeat(255) + "\":1}\n";
    assertEquals(List.of(
        "1 S-1|-|-|-|-|-|-|-|-",
        "2 MALFORMED_ROW [] the value of key number 2 nests objects or arrays deeper than 16 levels",
        "3 S-3|-|-|-|-|-|-|" + "9".repeat(64) + "|-",
        "4 MALFORMED_ROW [] the value of key number 2 is a number longer than 64 characters",
        "5 S-5|-|-|-|-|-|-|-|-",
        "6 MALFORMED_ROW [] key number 2 is longer than 256 characters"), rows(RecordType.SURVEYS, jsonl));
  }

  @Test
  void eachOfJacksonsLimitsIsToldInItsOwnWords() {
    assertEquals("the value of key number 3 is longer than the row limit", JsonLimit.of(new StreamConstraintsException(
        "String value length (70000) exceeds the maximum allowed (65536)")).describe(3));
    assertEquals("the line is longer than the row limit (key number 4)", JsonLimit.of(new StreamConstraintsException(
        "Document length (70000) exceeds the maximum allowed (65536)")).describe(4));
    assertEquals("the line exceeds a limit of the JSON reader at key number 5", JsonLimit.of(
        new StreamConstraintsException("Token count (9) exceeds the maximum allowed (8)")).describe(5));
    assertEquals(JsonLimit.OTHER, JsonLimit.of(new StreamConstraintsException(null)));
  }

  @Test
  void afterTheEndEveryCallSaysTheEndAndClosingClosesTheFile() throws Exception {
    TricklingReader file = new TricklingReader("{\"survey_id\":\"S-1\"}\n\n", 4);
    JsonLinesRowReader rows = new JsonLinesRowReader(file, RecordType.SURVEYS, 64 * 1024);
    assertEquals("1 S-1|-|-|-|-|-|-|-|-", RowText.of(RecordType.SURVEYS, rows.next()));
    assertNull(rows.next());
    assertNull(rows.next());
    rows.close();
    assertTrue(file.closed);
  }
}

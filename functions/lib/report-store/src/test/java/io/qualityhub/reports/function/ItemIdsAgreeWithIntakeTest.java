package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.parse.RowReader;
import io.qualityhub.core.parse.UploadDecoder;
import io.qualityhub.core.validate.FileScanner;
import io.qualityhub.reports.report.ProblemItem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reports print what intake accepts in an id column, and nothing it refuses: otherwise one accepted upload would stop
 * a report order. The reports keep their own copy of the format's id rule (they do not depend on intake's module);
 * this holds the two to each other, value by value.
 */
class ItemIdsAgreeWithIntakeTest {

  private static final String CJK_128 = "理賠案件編號".repeat(21) + "甲乙";

  @Test
  void aValueIsAReportableIdExactlyWhenIntakeAcceptsItInAnIdColumn() throws Exception {
    List<String> values = List.of("C-1", "理賠-001", CJK_128, CJK_128 + "乙", "CLM/7 #a:b", "a b", "a\tb", "a\u00a0b",
        "CLM-\uFEFF1", "CLM\u200B1", "CLM\u202E1", "a\u2028b", "a\u0000b", "a\u007Fb", "e\u0301", "\u00e9",
        "\uD83D\uDE00".repeat(128), "\uD83D\uDE00".repeat(129), "a\uD800b", "\uE000", "\u0378", "\uFFFF", " ", "x".repeat(128),
        "x".repeat(129));
    for (String value : values) {
      boolean intake = intakeAccepts(value);
      boolean reports;
      try {
        new ProblemItem(value, "settled_late");
        reports = true;
      } catch (IllegalArgumentException refused) {
        reports = false;
      }
      assertEquals(intake, reports, "intake " + (intake ? "accepts" : "refuses") + " " + escaped(value));
    }
  }

  private static boolean intakeAccepts(String surveyId) throws Exception {
    String row = "{\"survey_id\":\"" + escaped(surveyId) + "\",\"surveyed_on\":\"2026-11-20\",\"overall_score\":3}\n";
    try (RowReader rows = UploadDecoder.formatVersion1().open(new ByteArrayInputStream(row.getBytes(StandardCharsets.UTF_8)),
        RecordType.SURVEYS, FileFormat.JSON_LINES, false)) {
      return new FileScanner(RecordType.SURVEYS, "TPE-01").scan(rows, (line, values) -> { }, reject -> { }).accepted() == 1;
    }
  }

  private static String escaped(String value) {
    StringBuilder json = new StringBuilder();
    value.chars().forEach(c -> json.append(String.format("\\u%04x", c)));
    return json.toString();
  }
}
